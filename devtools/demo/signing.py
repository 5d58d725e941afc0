"""The demo's digital signatures (issues 14 and 15): one demo CA per load, made at the first
signature and installed as a trust anchor flagged as a demo. Every signed copy the demo holds is
the document's own stored edition (the copy sent for signature) signed incrementally with it and
uploaded through the service a user's upload goes through, so each verifies as "Đúng bản trình
ký": the live plan (signed twice: the leader approves, the văn thư issues with the organisation's
certificate) and the tờ trình the awards demo sends up.

Each signature shows a stamp in the signature space of the signer block, written in the font the
documents embed and saying it is the demo's. The CA's key is made here and thrown away: nothing
in the repository can sign as it, and a second load finds the signed copies and does nothing."""

from __future__ import annotations

import hashlib
import io
import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import signers
from pyhanko.sign.fields import SigFieldSpec
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from campaigns.models import Campaign
from reports import pdf
from reports.models import DocumentEdition, SignedCopy, TrustAnchor
from reports.services import signed, trust
from reports.services.editions import current_edition
from reports.signatures import outside_event_loop
from units.access import SYSTEM

CA_NAME = "CA minh họa – KHÔNG DÙNG THẬT"
DEMO_LINE = "CHỮ KÝ MINH HỌA – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"
# Subsetting the stamp's font says, each time, that it drops a table no PDF reader uses.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject: x509.Name, issuer: x509.Name, public_key, signing_key, *, ca: bool) -> x509.Certificate:
    now = datetime.now(UTC)
    usage = x509.KeyUsage(digital_signature=True, content_commitment=not ca, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                          encipher_only=False, decipher_only=False)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=30)).not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(usage, critical=True)
            .sign(signing_key, hashes.SHA256()))


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


@dataclass
class Authority:
    """The load's demo CA and the one key its demo certificates share (a demo needs no more)."""

    anchor_pk: int
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey
    leaf_key: ec.EllipticCurvePrivateKey
    leaves: dict = field(default_factory=dict)

    def certificate(self, name: str, organisation: str) -> x509.Certificate:
        if (name, organisation) not in self.leaves:
            self.leaves[name, organisation] = _certificate(_name(name, organisation), self.cert.subject,
                                                           self.leaf_key.public_key(), self.key, ca=False)
        return self.leaves[name, organisation]


_authority: Authority | None = None


def authority() -> Authority:
    """The CA of this load: made at the first signature, reused by every later one while its trust
    anchor is installed (a test's rolled-back load takes the anchor away, and the next makes anew)."""
    global _authority
    if _authority is not None and TrustAnchor.objects.filter(pk=_authority.anchor_pk, active=True).exists():
        return _authority
    ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_subject = _name(CA_NAME, "Dữ liệu minh họa Thi đua")
    ca_cert = _certificate(ca_subject, ca_subject, ca_key.public_key(), ca_key, ca=True)
    # A demo CA of an earlier load is replaced: its key is gone, so it can sign nothing more.
    for old in TrustAnchor.objects.filter(is_demo=True, active=True):
        trust.remove_trust_anchor(SYSTEM, old, reason="CA minh họa mới khi nạp lại dữ liệu minh họa")
    anchor = trust.add_trust_anchor(
        SYSTEM, ca_cert.public_bytes(serialization.Encoding.PEM), name=CA_NAME, is_demo=True,
        note="Chỉ để xem thử chữ ký số trên dữ liệu minh họa. Không dùng cho văn bản thật.")
    _authority = Authority(anchor.pk, ca_cert, ca_key, leaf_key)
    return _authority


# --- Where the stamps go ---------------------------------------------------------------------------------

PX = 0.75            # WeasyPrint lays out in CSS px; PDF user space is in points
STAMP_HEIGHT = 36    # two fit in the 28 mm left for the signature above the signer's name


def _signature_space(html: str) -> tuple[int, float, float, float, float, float] | None:
    """(page index, page height, left, top, right, bottom) in CSS px of the space between the
    signer's title and name on the page that holds it, read from WeasyPrint's layout of the stored
    HTML (the PDF was made from it, so the layout is the same)."""
    import weasyprint

    root = pdf.static_root()
    document = weasyprint.HTML(string=html, base_url=root.as_uri() + "/").render()
    found = None
    for index, page in enumerate(document.pages):
        above = None
        for box in page._page_box.descendants():
            classes = (box.element.get("class") or "").split() if box.element is not None else []
            if box.element_tag != "div" or not hasattr(box, "margin_height"):
                continue
            if "signer" in classes:
                above = box
            elif "signer-name" in classes and above is not None:
                top = above.position_y + above.margin_height()
                bottom = box.position_y + box.margin_top
                found = (index, page.height, box.content_box_x(), top, box.content_box_x() + box.width, bottom)
                break
        if found:
            break
    return found


def _stamp_boxes(html: str, count: int) -> tuple[int, list[tuple[int, int, int, int]]]:
    """One box per signature, stacked top down in the signature space (the last page's foot when
    the document has no signer block), in PDF points."""
    space = _signature_space(html)
    if space is None:
        page, left, right, top = -1, 300.0, 560.0, 57 + count * STAMP_HEIGHT + (count - 1) * 4
    else:
        page, height_px, left, top_px, right, bottom_px = space
        page_height, left, right = height_px * PX, left * PX + 4, right * PX - 4
        free = (bottom_px - top_px) * PX
        top = page_height - top_px * PX - max(0.0, (free - count * STAMP_HEIGHT - (count - 1) * 4) / 2)
    boxes = []
    for i in range(count):
        upper = top - i * (STAMP_HEIGHT + 4)
        boxes.append((round(left), round(upper - STAMP_HEIGHT), round(right), round(upper)))
    return page, boxes


@lru_cache(maxsize=1)
def _font_file() -> str:
    """The documents' font (LiberationSerif-Regular.ttf) with its glyphs measured in 1000 units
    per em instead of 2048: pyHanko 0.38 writes a font's advance widths into the PDF unscaled, as
    if every font had 1000, and the stamp's letters came out twice as far apart as drawn. Scaling
    takes a second, so the copy is kept in the temporary folder, named by the source's digest."""
    from fontTools import ttLib
    from fontTools.ttLib.scaleUpem import scale_upem

    source = pdf.static_root() / "fonts" / "LiberationSerif-Regular.ttf"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / f"thidua-demo-stamp-{digest}.ttf"
    if not target.exists():
        font = ttLib.TTFont(source)
        scale_upem(font, 1000)
        handle, partial = tempfile.mkstemp(prefix="thidua-demo-stamp-", suffix=".part")
        with os.fdopen(handle, "wb") as out:
            font.save(out)
        os.replace(partial, target)     # atomic: a concurrent load reads either nothing or the whole font
    return str(target)


def _style() -> TextStampStyle:
    font = _font_file()
    return TextStampStyle(
        stamp_text="Ký số bởi: %(signer)s\nThời gian: %(when)s\n" + DEMO_LINE,
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(font, font_size=8), font_size=8, leading=10,
                                    box_layout_rule=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MIN,
                                                                        y_align=AxisAlignment.ALIGN_MID,
                                                                        margins=Margins.uniform(0))),
        border_width=1, background=None,
        inner_content_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID,
                                                 margins=Margins.uniform(3),
                                                 inner_content_scaling=InnerScaling.SHRINK_TO_FIT))


def _sign(data: bytes, cert: x509.Certificate, ca: Authority, field_name: str, page: int,
          box: tuple[int, int, int, int]) -> bytes:
    """An incremental PAdES signature with a visible stamp, as the VGCA tool adds one: the input
    stays the first revision."""
    der = ca.leaf_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    signer = signers.SimpleSigner(signing_cert=_asn1(cert), signing_key=asn1_keys.PrivateKeyInfo.load(der),
                                  cert_registry=SimpleCertificateStore.from_certs([_asn1(ca.cert)]))
    names = {a.oid: a.value for a in cert.subject}
    name, organisation = names[NameOID.COMMON_NAME], names[NameOID.ORGANIZATION_NAME]
    pdf_signer = signers.PdfSigner(signers.PdfSignatureMetadata(field_name=field_name), signer=signer,
                                   stamp_style=_style(),
                                   new_field_spec=SigFieldSpec(sig_field_name=field_name, on_page=page, box=box))
    when = timezone.localtime()
    params = {"signer": _label(name, organisation), "when": f"{when:%d/%m/%Y %H:%M}"}
    out = outside_event_loop(pdf_signer.sign_pdf, IncrementalPdfFileWriter(io.BytesIO(data)),
                             appearance_text_params=params)
    return out.getvalue()


def _label(name: str, organisation: str) -> str:
    """ "Trần Minh Khoa – Sở Y tế Thái Nguyên"; an organisation's own certificate names it once."""
    if name and organisation and name.casefold() not in organisation.casefold():
        return f"{name} – {organisation}"
    return organisation or name


def sign(data: bytes, *, html: str, signatures: list[tuple[str, str, str]]) -> bytes:
    """`data` (the PDF of `html`) signed by each (field, name, organisation) in turn."""
    ca = authority()
    page, boxes = _stamp_boxes(html, len(signatures))
    for (field_name, name, organisation), box in zip(signatures, boxes, strict=True):
        data = _sign(data, ca.certificate(name, organisation), ca, field_name, page, box)
    return data


def sign_edition(*, kind: str, obj, signatures: list[tuple[str, str, str]], filename: str) -> bytes:
    """The document's current edition (its copy sent for signature) signed by each (field, name,
    organisation) in turn and uploaded as its signed copy; the signed bytes are returned for a
    caller that also attaches them (a tờ trình sent up)."""
    edition = current_edition(kind, obj.pk)
    with edition.file.open("rb") as handle:
        data = sign(handle.read(), html=edition.html, signatures=signatures)
    signed.upload_signed(by=SYSTEM, kind=kind, obj=obj,
                         upload=SimpleUploadedFile(filename, data, content_type="application/pdf"))
    return data


def load(campaigns: dict[str, Campaign], log=print) -> None:
    campaign = campaigns["live"]
    edition = DocumentEdition.objects.filter(kind="plan", object_id=campaign.pk).order_by("-number").first()
    if edition is None or not edition.file or SignedCopy.objects.filter(edition=edition).exists():
        return
    organisation = campaign.issuer.name
    sign_edition(kind="plan", obj=campaign, filename=f"ke-hoach-{campaign.notation}-da-ky.pdf",
                 signatures=[("PheDuyet", campaign.signer_name, organisation),
                             ("PhatHanh", organisation, organisation)])
    log(f"Chữ ký số: kế hoạch {campaign.notation} ký hai lần bằng “{CA_NAME}”, đã kiểm tra.")
