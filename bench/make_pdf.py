"""Writes a PDF whose pages each show a JPEG at full size (DCTDecode, no re-encoding), for the app
benchmark's ~5 MB PDF. Usage: make_pdf.py OUT.pdf IMAGE.jpg [IMAGE.jpg ...]"""
import struct, sys


def jpeg_size(data):
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h
        i += 2 + length
    raise SystemExit("not a baseline/progressive JPEG")


out, images = sys.argv[1], sys.argv[2:]
objects = [None, None]  # 1: catalog, 2: pages
kids = []
for path in images:
    data = open(path, "rb").read()
    w, h = jpeg_size(data)
    img = len(objects) + 1
    objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, len(data)) + data + b"\nendstream")
    content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (w, h)
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    page = len(objects) + 1
    objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (w, h, img, img + 1))
    kids.append(page)
objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
body, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
for n, obj in enumerate(objects, 1):
    offsets.append(len(body))
    body += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
xref = len(body)
body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(out, "wb").write(body)
