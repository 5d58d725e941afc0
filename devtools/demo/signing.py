"""The demo's digital signatures (issue 14): a demo CA, made when the demo is loaded and installed
as a trust anchor flagged as a demo, and the live plan's copy sent for signature signed twice with
it (the leader approves, the văn thư issues with the organisation's certificate), uploaded through
the service, so a newcomer sees a verified document after `make run`.

The CA's key is made here and thrown away: nothing in the repository can sign as it, and a
second load finds the signed copy and does nothing."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.core.files.uploadedfile import SimpleUploadedFile
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from campaigns.models import Campaign
from reports.models import DocumentEdition, SignedCopy, TrustAnchor
from reports.services import signed, trust
from reports.signatures import outside_event_loop
from units.access import SYSTEM

CA_NAME = "CA minh họa – KHÔNG DÙNG THẬT"


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


def _sign(data: bytes, cert: x509.Certificate, key, ca_cert: x509.Certificate, field: str) -> bytes:
    """An incremental PAdES signature, as the VGCA tool adds one: the input stays the first revision."""
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    signer = signers.SimpleSigner(signing_cert=_asn1(cert), signing_key=asn1_keys.PrivateKeyInfo.load(der),
                                  cert_registry=SimpleCertificateStore.from_certs([_asn1(ca_cert)]))
    out = outside_event_loop(signers.sign_pdf, IncrementalPdfFileWriter(io.BytesIO(data)),
                             signers.PdfSignatureMetadata(field_name=field), signer=signer)
    return out.getvalue()


def load(campaigns: dict[str, Campaign], log=print) -> None:
    campaign = campaigns["live"]
    edition = DocumentEdition.objects.filter(kind="plan", object_id=campaign.pk).order_by("-number").first()
    if edition is None or not edition.file or SignedCopy.objects.filter(edition=edition).exists():
        return
    ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_subject = _name(CA_NAME, "Dữ liệu minh họa Thi đua")
    ca_cert = _certificate(ca_subject, ca_subject, ca_key.public_key(), ca_key, ca=True)
    # A demo CA of an earlier load is replaced: its key is gone, so it can sign nothing more.
    for old in TrustAnchor.objects.filter(is_demo=True, active=True):
        trust.remove_trust_anchor(SYSTEM, old, reason="CA minh họa mới khi nạp lại dữ liệu minh họa")
    trust.add_trust_anchor(SYSTEM, ca_cert.public_bytes(serialization.Encoding.PEM), name=CA_NAME, is_demo=True,
                           note="Chỉ để xem thử chữ ký số trên dữ liệu minh họa. Không dùng cho văn bản thật.")
    organisation = campaign.issuer.name
    leader = _certificate(_name(campaign.signer_name, organisation), ca_subject, leaf_key.public_key(), ca_key,
                          ca=False)
    office = _certificate(_name(organisation, organisation), ca_subject, leaf_key.public_key(), ca_key, ca=False)
    with edition.file.open("rb") as handle:
        data = handle.read()
    data = _sign(_sign(data, leader, leaf_key, ca_cert, "PheDuyet"), office, leaf_key, ca_cert, "PhatHanh")
    signed.upload_signed(by=SYSTEM, kind="plan", obj=campaign,
                         upload=SimpleUploadedFile(f"ke-hoach-{campaign.notation}-da-ky.pdf", data,
                                                   content_type="application/pdf"))
    log(f"Chữ ký số: kế hoạch {campaign.notation} ký hai lần bằng “{CA_NAME}”, đã kiểm tra.")
