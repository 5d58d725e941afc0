from django.db import migrations, models

# The catalogue's award types and the statistics column each is counted in (TT 02/2023/TT-BNV,
# mẫu 0602.N and 0603.N). The grassroots titles and Giấy khen stay blank: no form counts them.
COLUMNS = {
    "CSTD_TINH": "fighter",
    "CO_TINH": "flag",
    "BK_TINH_CN": "certificate",
    "BK_TINH_TT": "certificate",
    "CSTD_TQ": "national_fighter",
    "BK_TTG_CN": "pm_certificate",
}


def fill_columns(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    for code, column in COLUMNS.items():
        AwardType.objects.filter(code=code, statistics_column="").update(statistics_column=column)


class Migration(migrations.Migration):

    dependencies = [
        ("awards", "0011_award_mode"),
    ]

    operations = [
        migrations.AddField(
            model_name="awardtype",
            name="statistics_column",
            field=models.CharField(blank=True, choices=[
                ("", "Không thống kê (khen thưởng cấp cơ sở)"),
                ("state_order", "0602.N – Huân chương, huy chương"),
                ("hcm_prize", "0602.N – Giải thưởng Hồ Chí Minh"),
                ("state_prize", "0602.N – Giải thưởng Nhà nước"),
                ("honour_title", "0602.N – Danh hiệu vinh dự nhà nước"),
                ("government_flag", "0602.N – Cờ thi đua của Chính phủ"),
                ("pm_certificate", "0602.N – Bằng khen của Thủ tướng Chính phủ"),
                ("national_fighter", "0602.N – Chiến sĩ thi đua toàn quốc"),
                ("state_other", "0602.N – Hình thức khen thưởng khác cấp nhà nước"),
                ("certificate", "0603.N – Bằng khen cấp bộ, cấp tỉnh"),
                ("fighter", "0603.N – Chiến sĩ thi đua cấp bộ, cấp tỉnh"),
                ("flag", "0603.N – Cờ thi đua cấp bộ, cấp tỉnh"),
                ("badge", "0603.N – Kỷ niệm chương, huy hiệu cấp bộ, cấp tỉnh"),
            ], default="", max_length=20, verbose_name="cột trong biểu thống kê"),
        ),
        migrations.RunPython(fill_columns, migrations.RunPython.noop),
    ]
