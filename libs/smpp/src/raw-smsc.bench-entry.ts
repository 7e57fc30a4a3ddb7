import smppModule from 'smpp';

import type { SmppPackage, SmppPdu, SmppSession } from './smpp-package';

// The bare package's SMSC for the benchmark's ceiling, in its own process: answers binds, submit_sm
// with submit_sm_resp and one deliver_sm receipt each. Deliberately not Loa's simulator nor its patch.
const smpp = smppModule as SmppPackage;

let nextId = 1;
const server = smpp.createServer({}, (session: SmppSession) => {
  session.on('error', () => session.destroy());
  session.on('pdu', (pdu: SmppPdu) => {
    if (pdu.command === 'submit_sm') {
      const id = String(nextId++);
      session.send(pdu.response({ message_id: id }));
      session.send(
        new smpp.PDU('deliver_sm', {
          source_addr: pdu.destination_addr,
          destination_addr: pdu.source_addr,
          esm_class: 0x04,
          data_coding: 0,
          short_message: Buffer.from(`id:${id} sub:001 dlvrd:001 submit date:2601010000 done date:2601010000 stat:DELIVRD err:000 text:`),
          receipted_message_id: id,
          message_state: 2,
        }),
      );
    } else if (!pdu.isResponse()) {
      session.send(pdu.response());
    }
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as { port: number }).port }));
process.on('message', (message: { stop?: boolean }) => message.stop && process.exit(0));
process.on('disconnect', () => process.exit(0));
