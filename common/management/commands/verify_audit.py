"""`manage.py verify_audit`: seals the committed rows still waiting for it (a process stopped
between a commit and its seal leaves some), then walks every audit chain (one per audit table,
common/audit.py) in seal_seq order, recomputes each row's hash and its link to the row before;
prints one line per chain and the first broken link; exits 1 when a chain is broken."""

from django.core.management.base import BaseCommand, CommandError

from common.audit import chain_hash, chained_models, seal
from common.text import format_number


def first_break(model, batch: int = 2000) -> tuple[int, str | None]:
    """(rows read, what is wrong at the first broken link or None). Reads in batches, in constant
    memory: a province's tables hold hundreds of thousands of rows."""
    prev_hash, prev_id, count = "", None, 0
    for row in model.objects.filter(seal_seq__isnull=False).order_by("seal_seq").iterator(chunk_size=batch):
        count += 1
        if row.chain_hash != chain_hash(row, row.prev_hash):
            return count, f"dòng id={row.pk}: nội dung đã bị sửa (mã băm không khớp nội dung)"
        if row.prev_hash != prev_hash:
            if prev_id is None:
                return count, (f"dòng id={row.pk}: là dòng đầu còn lại nhưng trỏ tới một dòng trước nó; "
                               "các dòng đầu chuỗi đã bị xóa")
            return count, (f"dòng id={row.pk}: liên kết bị đứt sau dòng id={prev_id}; có dòng bị xóa, "
                           "chèn hoặc đổi chỗ giữa hai dòng này")
        prev_hash, prev_id = row.chain_hash, row.pk
    return count, None


class Command(BaseCommand):
    help = ("Kiểm tra nhật ký: tính lại mã băm của từng dòng trong mỗi chuỗi nhật ký và liên kết với dòng trước; "
            "lỗi nếu có dòng bị sửa, bị xóa hoặc bị chèn ngoài ứng dụng.")

    def handle(self, *args, **options):
        broken = 0
        for model in chained_models():
            name = f"{model._meta.db_table} ({model._meta.verbose_name})"
            seal(model)
            count, problem = first_break(model)
            if problem is None:
                self.stdout.write(f"{name}: OK {format_number(count)} dòng")
            else:
                broken += 1
                self.stdout.write(f"{name}: HỎNG tại {problem}")
        if broken:
            raise CommandError(f"{broken} chuỗi nhật ký bị hỏng: nhật ký đã bị thay đổi ngoài ứng dụng.")
        self.stdout.write("Nhật ký nguyên vẹn.")
