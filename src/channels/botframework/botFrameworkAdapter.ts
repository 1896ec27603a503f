import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../../config/config';
import { isLoopbackHost } from '../../config/environment';
import type { Logger } from '../../log/logger';

/**
 * Whether the server may run with Bot Framework authentication off: only when nothing but this
 * machine reaches it. A loopback HOST behind a proxy (TRUSTED_PROXY) is reachable from the network.
 */
export function authenticationProblem(config: Config): string | null {
  if (config.botFramework.appId) return null;
  if (config.botFramework.devNoAuth) return null;
  if (config.trustedProxy) {
    return 'MicrosoftAppId is empty, which turns off authentication on /api/messages, and TRUSTED_PROXY says a proxy forwards the network to it. Set MicrosoftAppId and MicrosoftAppPassword, or set SAMPARK_DEV_NO_AUTH=true deliberately.';
  }
  if (isLoopbackHost(config.host)) return null;
  return `MicrosoftAppId is empty, which turns off authentication on /api/messages, and HOST=${config.host} is reachable from outside. Set MicrosoftAppId and MicrosoftAppPassword, bind HOST to 127.0.0.1, or set SAMPARK_DEV_NO_AUTH=true deliberately.`;
}

/** botbuilder's CloudAdapter, with its authenticate-then-run step open to our own endpoint. */
export class SamparkCloudAdapter extends CloudAdapter {
  /** Authenticates the Authorization header and runs the turn; throws what authentication throws. */
  authenticateAndRun(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * The Azure Bot Service / Emulator channel: botbuilder's CloudAdapter with the app's credentials.
 * A turn that throws gets an apology in the consumer's language and an error log line.
 */
export function createBotFrameworkAdapter(
  config: Config,
  logger: Logger,
  apologize: (context: TurnContext) => Promise<void>,
): SamparkCloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.botFramework.appId ?? '',
    MicrosoftAppPassword: config.botFramework.appPassword ?? '',
    MicrosoftAppType: config.botFramework.appType,
    MicrosoftAppTenantId: config.botFramework.tenantId ?? '',
  });
  const adapter = new SamparkCloudAdapter(authentication);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, conversation: context.activity.conversation?.id }, 'turn failed');
    await apologize(context).catch((sendError: unknown) =>
      logger.error({ err: sendError }, 'could not send the apology'),
    );
  };
  return adapter;
}
