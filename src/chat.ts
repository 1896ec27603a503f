import readline from 'node:readline';
import { createSampark } from './app';
import { apologize } from './bot/apology';
import { ConsoleAdapter } from './channels/console/consoleAdapter';
import { loadConfig } from './config/config';
import { createLogger } from './log/logger';

/** `npm run chat`: talk to the bot in the terminal, on the same configuration as `npm start`. */
async function chat(): Promise<void> {
  const config = loadConfig();
  // Logs go to stderr so they do not interleave with the conversation; the simulator's demo OTP shows there.
  const logger = createLogger(config.logLevel, process.stderr);
  const sampark = await createSampark(config, logger);
  const adapter = new ConsoleAdapter((line) => process.stdout.write(`\nSampark: ${line}\n\n`));
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error }, 'turn failed');
    await apologize(context, sampark.translator);
  };

  process.stdout.write('Sampark console. Type a message (Hindi or English), "exit" to quit. Try "नमस्ते" or "balance 101000001".\n\n');
  const lines = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'You: ' });
  lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === 'exit' || text === 'quit') break;
    if (text) await adapter.receive(text, (context) => sampark.bot.run(context));
    lines.prompt();
  }
  lines.close();
}

void chat();
