import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

interface Props {
  url: string;
  label: string;
}

/** The ticket's tracking address as a QR code (inline SVG: sharp at any size, no image request). */
export function QrCode({ url, label }: Props) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((out) => live && setSvg(out))
      .catch(() => live && setSvg(''));
    return () => {
      live = false;
    };
  }, [url]);
  return <div class="qr" role="img" aria-label={label} data-url={url} dangerouslySetInnerHTML={{ __html: svg }} />;
}
