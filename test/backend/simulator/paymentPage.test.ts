import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { startWebChatServer, type RunningWebChat } from '../../channels/directline/webChatServer';
import { daytimeClock } from '../../support/clock';

describe("the simulator's payment page, where its payment links open", () => {
  let running: RunningWebChat;
  let backend: SimulatedMeterBackend;

  beforeEach(async () => {
    backend = new SimulatedMeterBackend({ now: daytimeClock });
    running = await startWebChatServer({ ports: { backend } });
  });
  afterEach(() => running.close());

  /** The link's page on the test server (the link names the demo's own address). */
  async function pageOf(amount: number | null): Promise<string> {
    const link = await backend.createPaymentLink('101000002', amount);
    return `${running.url}${new URL(link!.url).pathname}`;
  }

  it('shows the consumer and the amount, and paying credits the meter at once and restores the cut supply', async () => {
    const page = await pageOf(300);
    const shown = await fetch(page);
    expect(shown.status).toBe(200);
    const html = await shown.text();
    expect(html).toContain('Recharge ₹300.00 for consumer number 101000002.');
    expect(html).toContain('उपभोक्ता संख्या 101000002 के लिए ₹300.00 का रिचार्ज।');
    expect(html).toContain(`<form method="post" action="${new URL(page).pathname}?amount=300.00">`);

    const paid = await fetch(`${page}?amount=300.00`, { method: 'POST' });
    expect(paid.status).toBe(200);
    const receipt = await paid.text();
    expect(receipt).toContain('₹300.00 credited to consumer number 101000002');
    expect(receipt).toContain('the supply is back on');
    const reference = /Reference (\d{12})/.exec(receipt)![1]!;
    await expect(backend.getMeterStatus('101000002')).resolves.toMatchObject({ balance: 63.6, relay: 'connected', lastRecharge: { amount: 300 } });
    await expect(backend.findPayment('101000002', reference)).resolves.toMatchObject({ amount: 300, status: 'credited' });

    // A link pays once.
    expect((await fetch(`${page}?amount=300.00`, { method: 'POST' })).status).toBe(410);
    expect((await fetch(page)).status).toBe(410);
  });

  it('asks for the amount when the link left it open', async () => {
    const page = await pageOf(null);
    const html = await (await fetch(page)).text();
    expect(html).toContain('<input name="amount" type="number" min="1" max="100000" step="0.01" required>');
    const confirm = await (await fetch(`${page}?amount=500`)).text();
    expect(confirm).toContain('Pay ₹500.00');
  });

  it('refuses an unknown link and a malformed amount, crediting nothing', async () => {
    expect((await fetch(`${running.url}/simulator/pay/${'0'.repeat(32)}`)).status).toBe(410);
    const page = await pageOf(300);
    expect((await fetch(`${page}?amount=-5`, { method: 'POST' })).status).toBe(400);
    await expect(backend.getMeterStatus('101000002')).resolves.toMatchObject({ balance: -236.4 });
  });
});
