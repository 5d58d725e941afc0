"""`manage.py verify_files`: the restore check. Every file a row refers to is opened and compared
with the size and SHA-256 recorded when it was written; exits 1 on any missing or altered file."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from common import files
from common.models import StoredFile


class Command(BaseCommand):
    help = "Mở mọi tệp mà dữ liệu tham chiếu, so kích thước và SHA-256 với lúc ghi; lỗi nếu thiếu hoặc bị đổi."

    def add_arguments(self, parser):
        parser.add_argument("--record", action="store_true",
                            help="ghi nhận kích thước, SHA-256 của các tệp chưa được ghi nhận (tệp có từ trước)")

    def handle(self, *args, record: bool = False, **options):
        storage = files.default_storage()
        recorded = {row.name: row for row in StoredFile.objects.all()}
        counts = {"": 0, "missing": 0, "altered": 0, "unrecorded": 0}
        labels = {"missing": "THIẾU", "altered": "BỊ ĐỔI", "unrecorded": "CHƯA GHI NHẬN"}
        for reference in files.references():
            result = files.check(reference, storage, recorded)
            counts[result.problem] += 1
            if result.problem:
                self.stdout.write(f"{labels[result.problem]:14} {reference.name}  ({reference.label}) {result.detail}")
            if result.problem == "unrecorded" and record:
                with storage.open(reference.name, "rb") as handle:
                    size, sha256 = files.measure(handle)
                recorded[reference.name] = StoredFile.objects.create(name=reference.name, size=size, sha256=sha256,
                                                                     created_at=timezone.now())
        self.stdout.write(f"{counts['']} tệp nguyên vẹn, {counts['missing']} thiếu, {counts['altered']} bị đổi, "
                          f"{counts['unrecorded']} chưa ghi nhận{' (nay đã ghi nhận)' if record else ''}.")
        if counts["missing"] or counts["altered"]:
            raise CommandError("Có tệp thiếu hoặc bị thay đổi.")
