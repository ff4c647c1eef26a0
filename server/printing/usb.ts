import type { PrinterStatus } from '../protocol/schemas.js';
import { withTimeout } from './async.js';
import type { Transport } from './transport.js';

// A USB printer driven directly (print agent only), through the optional package `usb`
// (WebUSB API, prebuilt, no libusb needed). Where Linux's usblp driver is loaded the printer is
// also /dev/usb/lp0, the simpler target; `usb` is for machines without it.

export interface UsbSelector {
  vendorId?: number;
  productId?: number;
}

const PRINTER_CLASS = 7;

/** The few WebUSB calls used here (the types stay ours: the package is optional). */
interface UsbEndpoint {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: string;
}
interface UsbInterface {
  interfaceNumber: number;
  alternate: { interfaceClass: number; endpoints: UsbEndpoint[] };
}
interface UsbDevice {
  vendorId: number;
  productId: number;
  configuration: { interfaces: UsbInterface[] } | null;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(n: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  releaseInterface(n: number): Promise<void>;
  detachKernelDriver?(n: number): Promise<void>;
  transferOut(endpoint: number, data: Uint8Array): Promise<unknown>;
}
interface UsbModule {
  WebUSB: new (options: { allowAllDevices: boolean }) => { getDevices(): Promise<UsbDevice[]> };
}

let loaded: Promise<UsbModule> | undefined;

function loadUsb(): Promise<UsbModule> {
  const name = 'usb'; // not a literal import: the build and the type check never need it
  loaded ??= (import(name) as Promise<UsbModule>).catch((err: Error) => {
    loaded = undefined;
    throw new Error(`USB printing needs the optional package "usb" (npm install usb), which could not be loaded: ${err.message}`);
  });
  return loaded;
}

function printerInterface(device: UsbDevice): UsbInterface | undefined {
  return device.configuration?.interfaces.find((i) => i.alternate.interfaceClass === PRINTER_CLASS);
}

async function findPrinter(selector: UsbSelector): Promise<UsbDevice | undefined> {
  const { WebUSB } = await loadUsb();
  const devices = await new WebUSB({ allowAllDevices: true }).getDevices();
  return devices.find(
    (d) =>
      (selector.vendorId === undefined || d.vendorId === selector.vendorId) &&
      (selector.productId === undefined || d.productId === selector.productId) &&
      (selector.vendorId !== undefined || printerInterface(d) !== undefined),
  );
}

async function write(selector: UsbSelector, data: Buffer): Promise<void> {
  const device = await findPrinter(selector);
  if (!device) throw new Error('no USB printer is connected');
  await device.open();
  try {
    if (!device.configuration) await device.selectConfiguration(1);
    const iface = printerInterface(device) ?? device.configuration?.interfaces[0];
    const out = iface?.alternate.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
    if (!iface || !out) throw new Error('the USB printer has no bulk OUT endpoint');
    try {
      await device.claimInterface(iface.interfaceNumber);
    } catch {
      // Linux's usblp holds the interface: take it over for this ticket.
      await device.detachKernelDriver?.(iface.interfaceNumber);
      await device.claimInterface(iface.interfaceNumber);
    }
    await device.transferOut(out.endpointNumber, data);
    await device.releaseInterface(iface.interfaceNumber);
  } finally {
    await device.close();
  }
}

export function usbTransport(selector: UsbSelector): Transport {
  return {
    send: (data, timeoutMs) => withTimeout('printing over USB', timeoutMs, write(selector, data)),
    async probe(timeoutMs): Promise<PrinterStatus> {
      try {
        return (await withTimeout('looking for the USB printer', timeoutMs, findPrinter(selector))) ? 'online' : 'offline';
      } catch {
        return 'offline';
      }
    },
  };
}
