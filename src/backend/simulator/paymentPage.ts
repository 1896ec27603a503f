import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { formatMoney } from '../../i18n/format';
import { LANGUAGES } from '../../i18n/language';
import type { Translator } from '../../i18n/translator';
import { escapeHtml } from '../../server/staticAsset';
import { PaymentAmountInput } from '../backendInput';
import type { SimulatedMeterBackend } from './simulatedMeterBackend';


/** A payment link's token, as the simulator makes them. */
const TokenSchema = z.string().regex(/^[0-9a-f]{32}$/);
/** The amount as the page's form sends it: "236.40". */
const AmountQuerySchema = z.coerce.number().pipe(PaymentAmountInput);

/**
 * The simulator's stand-in for the discom's payment gateway, under `basePath` (the path of the
 * simulator's `paymentPageUrl`): the page a payment link opens shows the consumer and the amount,
 * and paying credits the simulated meter at once. No script and no request body: the amount travels
 * in the address, so the page works on any phone and through any server's body rules.
 */
export function addSimulatorPaymentPage(server: Server, simulator: SimulatedMeterBackend, translator: Translator, basePath: string): void {
  const page = (res: Response, status: number, key: string, params: Record<string, unknown>, form = '') => {
    const lines = LANGUAGES.map((language) => `<p lang="${language}">${escapeHtml(translator.forLanguage(language)(key, params))}</p>`).join('');
    const title = LANGUAGES.map((language) => translator.forLanguage(language)('simulatorPayment.title')).join(' · ');
    const html = `<!doctype html><html lang="hi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:30rem;margin:1rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.2rem">${escapeHtml(title)}</h1>${lines}${form}</body></html>`;
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'" });
    res.end(html);
  };
  const both = (key: string, params: Record<string, unknown> = {}) =>
    LANGUAGES.map((language) => translator.forLanguage(language)(key, params)).join(' · ');

  // The link opened: what will be paid, or a box for the amount when the link left it open.
  server.get(`${basePath}/:token`, async (req: Request, res: Response) => {
    const token = TokenSchema.safeParse(req.params?.token);
    const link = token.success ? simulator.paymentLinkOf(token.data) : null;
    if (!token.success || !link) return page(res, 410, 'simulatorPayment.expired', {});
    const asked = queryAmount(req) ?? link.amount;
    const action = `${basePath}/${token.data}`;
    if (asked === null) {
      const form = `<form method="get" action="${action}"><label>${escapeHtml(both('simulatorPayment.amountLabel'))} <input name="amount" type="number" min="1" max="100000" step="0.01" required></label> <button>${escapeHtml(both('simulatorPayment.continue'))}</button></form>`;
      return page(res, 200, 'simulatorPayment.choose', { caNumber: link.caNumber }, form);
    }
    const amount = asked.toFixed(2);
    const form = `<form method="post" action="${action}?amount=${amount}"><button style="font-size:1.1rem;padding:0.5rem 1.5rem">${escapeHtml(both('simulatorPayment.pay', { amount: formatMoney(asked, 'en') }))}</button></form>`;
    return page(res, 200, 'simulatorPayment.confirm', { caNumber: link.caNumber, amount: formatMoney(asked, 'en') }, form);
  });

  // Paid: the meter is credited.
  server.post(`${basePath}/:token`, async (req: Request, res: Response) => {
    const token = TokenSchema.safeParse(req.params?.token);
    const amount = queryAmount(req);
    if (!token.success || amount === null) return page(res, 400, 'simulatorPayment.expired', {});
    const paid = await simulator.payByLink(token.data, amount);
    if (paid.outcome !== 'credited') return page(res, 410, 'simulatorPayment.expired', {});
    const params = { amount: formatMoney(paid.amount, 'en'), caNumber: paid.caNumber, reference: paid.reference, balance: formatMoney(paid.balance, 'en') };
    return page(res, 200, paid.supplyRestored ? 'simulatorPayment.creditedRestored' : 'simulatorPayment.credited', params);
  });
}

function queryAmount(req: Request): number | null {
  const raw = new URL(req.url ?? '/', 'http://localhost').searchParams.get('amount');
  if (raw === null) return null;
  const amount = AmountQuerySchema.safeParse(raw);
  return amount.success ? amount.data : null;
}
