"""The user manual (hướng dẫn sử dụng, issue 19 point 8): one page per role, each task step by step.

The text is data here, not templates, so the contextual link of every page (`HELP_FOR_VIEW`), the
printable PDF and the browser test that takes the screenshots (tests/test_browser_manual.py) all read
the same list: a screenshot named here and not produced by the walk, or a page whose help anchor is
gone, fails a test. In a step, «…» names a button, link, menu entry or field exactly as the screen
shows it (rendered in bold).

This module knows role codes as strings ("secretariat"…) and never imports units: common/ sits left
of every app (architecture.md); the layout hands it the user's roles.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Shot:
    file: str            # under static/help/
    caption: str


@dataclass(frozen=True)
class Task:
    slug: str            # the anchor on every role page that lists it
    title: str
    summary: str
    steps: tuple[str, ...]
    shots: tuple[Shot, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleGuide:
    slug: str
    role: str            # units.models.Role value
    title: str
    intro: str
    tasks: tuple[str, ...] = field(default_factory=tuple)


TASKS: dict[str, Task] = {t.slug: t for t in (
    Task(
        "dang-nhap", "Đăng nhập, đổi mật khẩu, đăng xuất",
        "Mỗi người dùng một tài khoản; trang chủ sau khi đăng nhập liệt kê việc cần làm của vai trò mình.",
        (
            "Mở địa chỉ của hệ thống trên trình duyệt; trang «Đăng nhập» hiện ra.",
            "Gõ «Tên đăng nhập» và «Mật khẩu» do quản trị cấp, bấm «Đăng nhập».",
            "Trang chủ chào «Xin chào, …» kèm vai trò và đơn vị của bạn, và liệt kê việc cần làm: báo cáo cần "
            "nhập, gửi, đề nghị khen thưởng cần xử lý, hạn báo cáo sắp tới. Bấm vào một dòng để làm ngay.",
            "Đổi mật khẩu: bấm tên mình ở góc phải thanh trên cùng, chọn «Đổi mật khẩu».",
            "Xong việc: bấm tên mình, chọn «Đăng xuất».",
        ),
        (Shot("dang-nhap-1.png", "Trang đăng nhập"),
         Shot("dang-nhap-2.png", "Trang chủ của cán bộ đơn vị: việc cần làm")),
        ("Nhập sai mật khẩu nhiều lần liền, tài khoản bị tạm khóa ít phút; hãy chờ rồi thử lại hoặc báo quản trị.",
         "Nút «Hướng dẫn» trên thanh trên cùng mở đúng mục hướng dẫn của trang đang xem."),
    ),
    Task(
        "nhap-so-lieu", "Nhập số liệu báo cáo 6 tháng, năm và gửi",
        "Đơn vị nhập số thực hiện của từng chỉ tiêu trên một bảng, lưu nháp rồi gửi cho Thường trực trước hạn.",
        (
            "Trên «Trang chủ», ở khung «Báo cáo đơn vị cần nhập, gửi», bấm dòng của kỳ cần báo cáo, ví dụ "
            "«6 tháng đầu năm 2026 – Trung tâm Y tế Phú Bình».",
            "Ở cột «Thực hiện», gõ số của từng chỉ tiêu theo cách viết Việt Nam: dấu phẩy cho phần thập phân "
            "(97,5), dấu chấm ngăn cách hàng nghìn (580.000), phân số như văn bản (4/4).",
            "Bấm «Lưu nháp» bất cứ lúc nào. Ô nhập sai được báo ngay dưới ô, các ô khác giữ nguyên số đã gõ.",
            "Ghi phần viết (kết quả, khó khăn, đề xuất) và đính kèm minh chứng nếu kế hoạch yêu cầu.",
            "Khi đủ số liệu, bấm «Lưu và gửi» rồi xác nhận. Trang báo «Đã gửi báo cáo cho Thường trực».",
        ),
        (Shot("nhap-so-lieu-1.png", "Bảng nhập số liệu của đơn vị"),),
        ("Quá hạn nộp thì bảng bị khóa; liên hệ Thường trực để được cho nộp muộn.",
         "Bị trả lại: trang chủ ghi «Bị trả lại – cần bổ sung»; mở báo cáo, đọc lý do, sửa rồi gửi lại."),
    ),
    Task(
        "xet-bao-cao", "Theo dõi tình hình nộp, tiếp nhận hoặc trả lại báo cáo",
        "Thường trực xem đơn vị nào đã nộp, tiếp nhận báo cáo đúng hoặc trả lại có lý do (đơn vị nhận thư báo).",
        (
            "Vào «Phong trào thi đua», mở kế hoạch, bấm «Chỉ tiêu, kết quả» rồi «Tình hình nộp»: bảng ghi từng "
            "đơn vị, từng kỳ «Đúng hạn», «Muộn», «Chưa nộp» hoặc «Bị trả lại».",
            "Bấm một ô của bảng (hoặc dòng «Trung tâm Y tế Phú Bình – 6 tháng đầu năm 2026» trên trang chủ) để mở "
            "báo cáo của đơn vị.",
            "Số liệu đúng: bấm «Tiếp nhận».",
            "Cần bổ sung: gõ «Lý do trả lại», bấm «Trả lại để bổ sung». Đơn vị nhận thư báo kèm lý do.",
            "Nhắc đơn vị chưa nộp: trên trang «Tình hình nộp», bấm nút gửi thư nhắc của kỳ đó.",
        ),
        (Shot("xet-bao-cao-1.png", "Tình hình nộp báo cáo của các đơn vị"),
         Shot("xet-bao-cao-2.png", "Trả lại báo cáo để bổ sung, ghi lý do")),
    ),
    Task(
        "lap-ke-hoach", "Lập kế hoạch phát động phong trào",
        "Kế hoạch được soạn như văn bản giấy: tiêu đề, căn cứ, các mục, nội dung thi đua, đơn vị tham gia, kỳ báo cáo.",
        (
            "Vào «Phong trào thi đua», bấm «Tạo kế hoạch phát động».",
            "Chọn «Cơ quan ban hành», gõ «Trích yếu», chọn «Hình thức thi đua», gõ «Năm thi đua»; các dòng tiêu đề "
            "để trống sẽ lấy theo thông tin của cơ quan.",
            "Bấm «Tạo dự thảo». Trang kế hoạch mở ra ở thẻ «Văn bản».",
            "Thêm căn cứ («Thêm căn cứ»), đề mục, nội dung thi đua và số lượng khen thưởng ở thẻ «Nội dung thi đua, "
            "số lượng», đơn vị tham gia ở thẻ «Đơn vị tham gia», kỳ báo cáo và hạn nộp ở thẻ «Kỳ báo cáo».",
            "Đã có kế hoạch năm trước thì dùng «Sao chép kế hoạch» (mục sau) thay cho các bước trên.",
        ),
        (Shot("lap-ke-hoach-1.png", "Biểu mẫu tạo kế hoạch phát động"),),
        ("Hạn nộp đã qua hoặc trước ngày cuối kỳ: biểu mẫu kỳ báo cáo cảnh báo và chỉ lưu khi đánh dấu "
         "«Vẫn lưu dù hạn nộp đã qua».",),
    ),
    Task(
        "sao-chep-ke-hoach", "Sao chép kế hoạch sang năm mới",
        "Từ một kế hoạch đang xem, lập dự thảo cho năm được chọn bằng một biểu mẫu, rồi xem lại danh sách cần xem.",
        (
            "Mở kế hoạch năm trước (của cơ quan mình hoặc cơ quan khác), bấm «Sao chép kế hoạch».",
            "Kiểm tra «Năm thi đua của kế hoạch mới» và «Trích yếu» (đã điền sẵn năm sau).",
            "Bấm «Tạo dự thảo từ kế hoạch này». Dự thảo mở ra với khung «Cần xem lại»: căn cứ gắn với năm cũ, "
            "đơn vị đã ngừng hoạt động và đơn vị kế thừa, chỉ tiêu chưa có kế hoạch năm sau…",
            "Sửa từng điểm trong dự thảo, bấm «Đã xem» ở dòng tương ứng; dòng đã xem không hiện lại.",
        ),
        (Shot("sao-chep-ke-hoach-1.png", "Biểu mẫu sao chép kế hoạch"),
         Shot("sao-chep-ke-hoach-2.png", "Dự thảo mới với danh sách «Cần xem lại»")),
        ("Kết quả, báo cáo, giao ước, đề nghị và quyết định khen thưởng không được chép; kế hoạch gốc giữ nguyên.",),
    ),
    Task(
        "ban-hanh-ke-hoach", "Trình ký, ghi nhận ban hành kế hoạch, tải lên bản đã ký",
        "Bản trình ký được lưu thành phiên bản; văn thư cấp số, ngày; bản ký số hoặc bản quét được lưu kèm.",
        (
            "Mở dự thảo kế hoạch. Ở khung «Bản trình ký, bản ban hành», bấm «Trình ký»: hệ thống lưu phiên bản 1 "
            "(PDF và mã SHA-256).",
            "Bấm «Tải bản trình ký» để lấy đúng tệp PDF gửi lãnh đạo ký (ký số hoặc in ký tay).",
            "Khi văn thư đã cấp số: bấm «Ghi nhận ban hành», gõ «Số» và «Ngày ban hành», bấm «Ghi nhận ban hành».",
            "Tải bản đã ký: ở ô «Tải lên bản đã ký (PDF ký số, hoặc bản quét)» chọn tệp, bấm «Tải lên và kiểm tra "
            "chữ ký». Kết quả kiểm tra hiện ngay dưới bản đã ký (xem mục «Kiểm tra bản PDF đã ký số»).",
        ),
        (Shot("ban-hanh-ke-hoach-1.png", "Khung «Bản trình ký, bản ban hành» sau khi trình ký"),),
        ("Sửa kế hoạch sau khi ban hành (ví dụ lùi hạn báo cáo) phải ghi lý do; bản đã ban hành vẫn tải được "
         "nguyên vẹn.",),
    ),
    Task(
        "kiem-tra-chu-ky", "Kiểm tra bản PDF đã ký số",
        "Hệ thống kiểm tra chữ ký số của bản tải lên và so với bản trình ký đã lưu.",
        (
            "Mở văn bản (kế hoạch, báo cáo hoặc quyết định), đến khung «Bản trình ký, bản ban hành».",
            "Tải tệp PDF đã ký lên ở ô «Tải lên bản đã ký (PDF ký số, hoặc bản quét)», bấm «Tải lên và kiểm tra "
            "chữ ký».",
            "Đọc kết quả dưới bản đã ký: «✔ Chữ ký số hợp lệ của …» cho từng chữ ký, và «Đúng bản trình ký "
            "(phiên bản …)» khi nội dung khớp bản đã trình.",
            "Báo đỏ «Tệp đã bị sửa sau khi ký» hoặc «Không khớp bản trình ký nào của văn bản này»: không dùng tệp "
            "đó, xin lại bản ký đúng.",
            "Quản trị: chứng thư của tổ chức cung cấp dịch vụ chứng thực được thêm ở tên mình › «Chứng thư tin cậy "
            "(chữ ký số)» (gõ «Tên gọi», chọn «Tệp chứng thư», bấm «Thêm»).",
        ),
        (Shot("kiem-tra-chu-ky-1.png", "Bản đã ký của kế hoạch minh họa: hai chữ ký hợp lệ, đúng bản trình ký"),),
    ),
    Task(
        "bao-cao-tong-ket", "Báo cáo sơ kết, tổng kết: lập, sửa dàn ý, trình ký, ban hành",
        "Dự thảo được soạn sẵn từ số liệu; người soạn sửa dàn ý và lời văn, lãnh đạo ban hành.",
        (
            "Vào «Báo cáo», ở dòng phong trào bấm «Lập báo cáo».",
            "Chọn «Báo cáo của» (cơ quan hoặc đơn vị) và «Kỳ số liệu», bấm «Lập dự thảo».",
            "Bấm «Sửa dàn ý, lời văn»: sửa, thêm («+ Thêm đề mục»), bỏ đề mục; chọn bảng số liệu chèn sau mỗi "
            "đề mục; bấm «Lưu».",
            "Bấm «Tải PDF (dự thảo)» để đọc lại bản in.",
            "Bấm «Trình ký» khi cần lãnh đạo ký trước: số liệu và lời văn được chốt.",
            "Ban hành: gõ «Số (do văn thư cấp)», «Ngày ban hành», «Chức vụ người ký», «Họ tên người ký», bấm "
            "«Ban hành» và xác nhận. Bản PDF/A được lưu kèm mã SHA-256.",
        ),
        (Shot("bao-cao-tong-ket-1.png", "Báo cáo tổng kết: các nút thao tác"),
         Shot("bao-cao-tong-ket-2.png", "Sửa dàn ý, lời văn")),
        ("Kỳ báo cáo chưa đủ số liệu: trang báo trước và chỉ ban hành khi đánh dấu «Vẫn ban hành khi kỳ báo cáo "
         "chưa đủ số liệu».",),
    ),
    Task(
        "de-nghi-khen-thuong", "Lập tờ trình đề nghị khen thưởng",
        "Đơn vị lập tờ trình, thêm người, tập thể, đính kèm tờ trình đã ký và gửi Thường trực.",
        (
            "Vào «Khen thưởng» › «Tổng quan», bấm «Lập tờ trình», chọn phong trào.",
            "Chọn «Đơn vị đề nghị», «Nội dung thi đua», gõ «Trích yếu», bấm «Tạo tờ trình».",
            "Bấm «Thêm người, tập thể»: chọn «Danh hiệu, hình thức khen thưởng», «Cá nhân» (hoặc tập thể), gõ "
            "«Tóm tắt thành tích», bấm «Lưu». Nhiều người: dùng mẫu Excel của tờ trình.",
            "Xem khung kiểm tra của hệ thống (chỉ tiêu, xếp loại, sáng kiến, sổ khen thưởng…) trước khi gửi.",
            "Chọn tệp tờ trình đã ký, bấm «Đính kèm».",
            "Bấm «Gửi … đề nghị cho Thường trực» và xác nhận.",
        ),
        (Shot("de-nghi-khen-thuong-1.png", "Tờ trình của đơn vị trước khi gửi"),),
        ("Bị trả lại: trang chủ ghi lý do; mở đề nghị, bấm «Sửa», sửa rồi bấm «Gửi lại».",),
    ),
    Task(
        "xet-de-nghi", "Xét duyệt đề nghị khen thưởng",
        "Thường trực tiếp nhận, trả lại có lý do hoặc không đề nghị; số suất còn lại hiện ở mọi màn hình chọn.",
        (
            "Vào «Khen thưởng» › «Xét duyệt đề nghị».",
            "Bấm tên người (hoặc tập thể) để mở đề nghị; đọc thành tích, tệp đính kèm và kết quả kiểm tra.",
            "Đủ điều kiện: bấm «Tiếp nhận».",
            "Cần bổ sung: gõ «Lý do», bấm «Trả lại để bổ sung»; đơn vị nhận thư báo.",
            "Trước phiên họp Hội đồng, công khai danh sách ở «Khen thưởng» › «Công khai danh sách».",
        ),
        (Shot("xet-de-nghi-1.png", "Danh sách đề nghị chờ xét"),),
    ),
    Task(
        "hoi-dong-nhiem-ky", "Hội đồng Thi đua – Khen thưởng theo nhiệm kỳ",
        "Mỗi cơ quan giữ Hội đồng của mình theo nhiệm kỳ; phiên họp nào cũng lấy sẵn thành viên từ đây.",
        (
            "Vào «Khen thưởng» › «Hội đồng Thi đua – Khen thưởng», bấm «Thành viên Hội đồng».",
            "Chưa có Hội đồng: ở khung «Lập Hội đồng nhiệm kỳ mới» ghi nhiệm kỳ, ngày bắt đầu, kết thúc, quyết định "
            "thành lập, bấm «Lập Hội đồng».",
            "Bấm tên nhiệm kỳ ở khung «Nhiệm kỳ hiện tại» để mở danh sách «Thành viên».",
            "Thêm người: ở khung «Thêm thành viên» chọn «Thành viên», «Chức danh trong Hội đồng» (chủ tịch, phó chủ "
            "tịch, ủy viên, thư ký), ghi chức vụ như trong quyết định, bấm «Thêm».",
            "Đổi chức danh: chọn «Chức danh» ở dòng của người đó, bấm «Đổi». Người thôi tham gia: mở «Thôi tham gia "
            "Hội đồng», ghi «Từ ngày», «Lý do», bấm «Ghi thôi tham gia» (lịch sử vẫn giữ).",
        ),
        (Shot("hoi-dong-nhiem-ky-1.png", "Thành viên Hội đồng của nhiệm kỳ"),),
        ("Khi chuẩn bị phiên họp, người vắng được ghi lý do và người dự thay (cùng đơn vị); ghế của người dự thay "
         "được tính là có mặt khi kiểm phiếu.",),
    ),
    Task(
        "tong-hop-don-vi", "Tổng hợp đơn vị theo phong trào: trả lại, trình cấp trên",
        "Một bảng cho mỗi phong trào: từng đơn vị đã báo cáo số liệu chưa, đề nghị khen thưởng ở trạng thái nào, "
        "đã quyết định, giao ước.",
        (
            "Vào «Phong trào thi đua», mở kế hoạch, bấm «Tổng hợp đơn vị» (hoặc «Khen thưởng» › «Tổng hợp đơn vị»).",
            "Đọc số đếm ở trên cùng (Đề xuất, Hoàn thành bình xét, Không đạt, Đạt khen cao, Đạt cấp tỉnh); bấm một "
            "số để chỉ xem các đơn vị ở trạng thái đó. Khung «Cách đếm» giải thích mỗi trạng thái.",
            "Trả lại: đánh dấu các đơn vị, chọn trả lại đề nghị và/hoặc báo cáo số liệu, gõ «Lý do trả lại», bấm "
            "«Trả lại các đơn vị đã chọn». Trang báo kết quả từng đơn vị; đơn vị nhận thư báo.",
            "Trình cấp trên: đánh dấu các đơn vị, bấm «Trình cấp trên»: các đề nghị đã duyệt vượt thẩm quyền của cơ "
            "quan được chuyển lên cấp trên.",
            "Bấm «Xuất Excel» để tải bảng.",
        ),
        (Shot("tong-hop-don-vi-1.png", "Tổng hợp đơn vị của phong trào"),),
    ),
    Task(
        "chuan-bi-phien-hop", "Chuẩn bị phiên họp Hội đồng",
        "Thường trực lập phiên họp với thành viên và các đề nghị đã tiếp nhận.",
        (
            "Vào «Khen thưởng» › «Hội đồng Thi đua – Khen thưởng», bấm «Chuẩn bị phiên họp».",
            "Gõ «Nội dung phiên họp», chọn «Chủ tịch Hội đồng», «Thư ký», đánh dấu các thành viên.",
            "Đánh dấu các đề nghị đưa ra xét, bấm «Tạo phiên họp». Trang báo «Đã chuẩn bị phiên họp».",
        ),
        (Shot("chuan-bi-phien-hop-1.png", "Biểu mẫu tạo phiên họp"),),
    ),
    Task(
        "ghi-ket-qua-phien-hop", "Điểm danh và ghi kết quả phiên họp",
        "Thư ký ghi điểm danh, số phiếu và kết quả từng đề nghị; biên bản chỉ ghi số phiếu.",
        (
            "Vào «Khen thưởng» › «Hội đồng Thi đua – Khen thưởng», bấm tên phiên họp.",
            "Chọn tình trạng có mặt của từng thành viên, bấm «Lưu điểm danh».",
            "Ở từng đề nghị: chọn «Kết quả», gõ số phiếu «Đồng ý», «Không đồng ý», «Không biểu quyết», bấm «Ghi kết "
            "quả». Hệ thống đối chiếu tổng số phiếu với số người có mặt.",
            "Thành viên liên quan đến đề nghị không bỏ phiếu cho đề nghị đó.",
        ),
        (Shot("ghi-ket-qua-phien-hop-1.png", "Trang phiên họp: điểm danh và phiếu"),),
    ),
    Task(
        "quyet-dinh", "Lập, ban hành quyết định khen thưởng và in giấy khen",
        "Lãnh đạo chọn các đề nghị đã duyệt, ban hành với số của văn thư; tiền thưởng tính theo hệ số × lương cơ sở.",
        (
            "Vào «Khen thưởng» › «Quyết định khen thưởng», bấm «Lập quyết định» (hoặc «Lập quyết định khen thưởng» "
            "ở trang «Tổng quan»).",
            "Đánh dấu các đề nghị đưa vào quyết định, gõ «Trích yếu», bấm «Lập dự thảo».",
            "Đọc dự thảo: tiền thưởng từng dòng, tổng số, dòng chưa tính được và lý do, cảnh báo nếu vượt quỹ.",
            "Gõ «Số (do văn thư cấp)», «Chức vụ người ký», «Họ tên người ký», «Quyền hạn ký», bấm «Ban hành» và xác "
            "nhận.",
            "Sau khi ban hành, bấm «In giấy khen, giấy chứng nhận (PDF)»: mỗi người một trang A4 ngang.",
        ),
        (Shot("quyet-dinh-1.png", "Quyết định đã ban hành: tiền thưởng và giấy khen"),),
    ),
    Task(
        "binh-xet-don-vi", "Thủ trưởng quyết định danh hiệu của đơn vị (Lao động tiên tiến, Giấy khen)",
        "Thủ trưởng đơn vị tự quyết định các danh hiệu thuộc thẩm quyền, kèm biên bản bình xét.",
        (
            "Vào «Khen thưởng» › «Bình xét danh hiệu của đơn vị».",
            "Chọn đơn vị, bấm «Mở danh sách».",
            "Chọn «Danh hiệu, hình thức», đánh dấu từng người, bấm «Thêm những người đã chọn».",
            "Ở «Loại tệp» chọn «Biên bản bình xét thi đua», chọn tệp, bấm «Đính kèm».",
            "Gõ số, «Chức vụ người ký», «Họ tên người ký», bấm «Ban hành quyết định» và xác nhận.",
        ),
        (Shot("binh-xet-don-vi-1.png", "Danh sách bình xét của đơn vị"),),
    ),
    Task(
        "quy-thi-dua", "Quỹ thi đua, khen thưởng",
        "Mỗi cơ quan, mỗi năm: nguồn vào, phần chi theo quyết định đã ban hành, số dư; xuất Excel sổ quỹ.",
        (
            "Vào «Khen thưởng» › «Tổng quan», bấm «Quỹ thi đua, khen thưởng».",
            "Đọc «Sổ quỹ»: nguồn vào, các quyết định đã chi (tự động, không nhập tay) và số dư.",
            "Ghi nguồn vào: gõ «Ngày ghi nhận», «Số tiền (đồng)», «Nguồn», bấm «Ghi nhận». Số âm để điều chỉnh, "
            "phải ghi lý do.",
            "Bấm «Xuất Excel» để tải sổ quỹ.",
            "Khung «Mức lương cơ sở» ghi lương cơ sở theo thời kỳ, dùng để tính tiền thưởng.",
        ),
        (Shot("quy-thi-dua-1.png", "Quỹ thi đua, khen thưởng của năm"),),
        ("Quyết định vượt số dư quỹ được cảnh báo (không chặn) trên trang quyết định và khi ban hành.",),
    ),
    Task(
        "he-so-tien-thuong", "Danh mục khen thưởng: xác nhận hệ số tiền thưởng",
        "Hệ số chưa xác minh ghi «chưa kiểm tra»; quản trị đối chiếu văn bản rồi xác nhận.",
        (
            "Vào «Khen thưởng» › «Danh mục khen thưởng», bấm tên danh hiệu, hình thức có hệ số «chưa kiểm tra».",
            "Gõ «Hệ số (× mức lương cơ sở)» và «Căn cứ đã đối chiếu (nghị định, điều, khoản)».",
            "Bấm «Xác nhận hệ số» và xác nhận. Lịch sử ghi ai xác nhận, khi nào; các dự thảo quyết định được "
            "tính lại.",
        ),
        (Shot("he-so-tien-thuong-1.png", "Xác nhận hệ số tiền thưởng"),),
    ),
    Task(
        "bieu-thong-ke", "Biểu thống kê thi đua, khen thưởng gửi cơ quan nội vụ",
        "Năm biểu 0601.N–0605.N (Thông tư 02/2023/TT-BNV) của năm báo cáo từ 01/12 năm trước đến 30/11, gửi "
        "trước ngày 15/12: ba biểu đầu đếm từ dữ liệu, hai biểu sau Thường trực nhập.",
        (
            "Vào «Khen thưởng» › «Biểu thống kê thi đua, khen thưởng»; chọn «Năm báo cáo» (và «Cơ quan» nếu phụ "
            "trách nhiều cơ quan), bấm «Xem».",
            "Đọc từng biểu. Bấm vào một số liệu để xem danh sách đã đếm (phong trào; người, tập thể được khen, số và "
            "ngày quyết định); bấm tên trong danh sách để mở phong trào hoặc Sổ khen thưởng.",
            "Số liệu chưa đúng thì sửa ở nguồn rồi xem lại: ngày ban hành, thời gian thi đua, hình thức của kế hoạch; "
            "«Hình thức khen thưởng (dùng cho báo cáo thống kê)» của đề nghị hoặc của khen thưởng ghi trong Sổ; "
            "«Cấp lãnh đạo (dùng cho biểu thống kê)» trong hồ sơ cá nhân; cột của loại khen thưởng trong danh mục "
            "(quản trị).",
            "Bấm «Nhập số liệu biểu 0604.N, 0605.N và người ký»: gõ đơn vị nhận báo cáo, người lập biểu, chức vụ và "
            "họ tên thủ trưởng, các số liệu về tổ chức và công chức làm công tác thi đua, khen thưởng; bấm «Lưu».",
            "Bấm «Tải PDF (5 biểu)» để in, trình ký; «Tải Excel (5 biểu)» để gửi kèm.",
            "Khi gửi đi, bấm «Chốt số liệu»: bản đã chốt (PDF, Excel, số liệu và danh sách đã đếm) được lưu và không "
            "đổi nữa. Dữ liệu thay đổi sau đó thì trang biểu liệt kê các ô khác bản chốt; chốt lại phải ghi lý do.",
        ),
        notes=("Dòng «Tổng số» phải bằng cộng các dòng của từng mục; số nữ không quá tổng số. Sai thì ô đó báo đỏ và "
               "những gì đã gõ vẫn còn.",
               "Danh hiệu cơ sở (Lao động tiên tiến, Chiến sĩ thi đua cơ sở…) và giấy khen không thuộc biểu nào."),
    ),
    Task(
        "ho-so-dien-tu", "Hồ sơ điện tử gửi cấp trên và nhận từ cấp dưới",
        "Tờ trình có đề nghị đã trình cấp trên tải về thành một tệp .zip kèm bảng kê tệp có mã kiểm tra; cấp trên "
        "nhận gói vào hệ thống, mọi tệp được kiểm tra trước khi tạo tờ trình.",
        (
            "Gửi: mở tờ trình có đề nghị «Đã trình cấp trên», bấm «Tải hồ sơ điện tử (.zip)» và gửi tệp cho cơ quan "
            "cấp trên.",
            "Nhận: vào «Khen thưởng» › «Nhận hồ sơ điện tử», chọn phong trào đang nhận đề nghị, chọn tệp .zip, bấm "
            "tải lên. Gói bị thay đổi, thiếu hay thừa tệp thì bị từ chối, có câu báo tên tệp.",
            "Đối chiếu: đơn vị, cá nhân đã có (cùng mã) hiện «khớp»; cái chưa có thì chọn tạo mới (và đơn vị cấp "
            "trên) hoặc chọn cái có sẵn; bấm xác nhận. Tờ trình mới hiện ở danh sách tờ trình, các đề nghị ở trạng "
            "thái «Đã gửi, chờ xét».",
        ),
        notes=("Quá trình khen thưởng của người được đề nghị đi kèm gói và được ghi vào Sổ khen thưởng của cơ quan "
               "nhận (nguồn «Từ hồ sơ điện tử của cấp dưới»), để điều kiện «danh hiệu liên tục» thấy đủ các năm.",
               "Một gói chỉ nhận một lần (tải lại cùng hồ sơ cũng vậy). Gói đã tải lên mà không nhận nữa thì bấm "
               "«Bỏ hồ sơ này»."),
    ),
    Task(
        "qua-trinh-khen-thuong", "In quá trình khen thưởng của một người, một tập thể",
        "Danh hiệu, hình thức theo năm với số, ngày quyết định, trong và ngoài hệ thống, và các năm liên tục của "
        "từng danh hiệu: để kèm hồ sơ đề nghị và để Hội đồng xét.",
        (
            "Vào «Khen thưởng» › «Sổ khen thưởng», gõ tên người hoặc tập thể, bấm tên trong kết quả.",
            "Bấm «In quá trình khen thưởng (PDF)» hoặc «Tải Excel».",
        ),
        notes=("Quyết định đã thu hồi vẫn in, ghi lý do, và không tính vào các năm liên tục.",),
    ),
)}


ROLES: tuple[RoleGuide, ...] = (
    RoleGuide("thuong-truc", "secretariat", "Thường trực Hội đồng TĐKT",
              "Lập và theo dõi kế hoạch, tiếp nhận báo cáo, xét đề nghị, chuẩn bị phiên họp, lập báo cáo.",
              ("dang-nhap", "lap-ke-hoach", "sao-chep-ke-hoach", "ban-hanh-ke-hoach", "xet-bao-cao",
               "bao-cao-tong-ket", "tong-hop-don-vi", "xet-de-nghi", "hoi-dong-nhiem-ky", "chuan-bi-phien-hop",
               "ghi-ket-qua-phien-hop", "quy-thi-dua", "bieu-thong-ke", "ho-so-dien-tu", "qua-trinh-khen-thuong",
               "kiem-tra-chu-ky")),
    RoleGuide("lanh-dao", "leader", "Lãnh đạo",
              "Ký, ban hành kế hoạch, báo cáo và quyết định khen thưởng; theo dõi quỹ.",
              ("dang-nhap", "ban-hanh-ke-hoach", "bao-cao-tong-ket", "tong-hop-don-vi", "quyet-dinh", "quy-thi-dua",
               "bieu-thong-ke", "qua-trinh-khen-thuong", "kiem-tra-chu-ky")),
    RoleGuide("hoi-dong", "council_member", "Thành viên Hội đồng",
              "Dự phiên họp Hội đồng Thi đua – Khen thưởng, điểm danh và biểu quyết.",
              ("dang-nhap", "ghi-ket-qua-phien-hop")),
    RoleGuide("can-bo-don-vi", "unit_staff", "Cán bộ đơn vị",
              "Nhập, gửi số liệu báo cáo của đơn vị và lập tờ trình đề nghị khen thưởng.",
              ("dang-nhap", "nhap-so-lieu", "de-nghi-khen-thuong")),
    RoleGuide("thu-truong-don-vi", "unit_head", "Thủ trưởng đơn vị",
              "Như cán bộ đơn vị, thêm việc quyết định danh hiệu thuộc thẩm quyền của đơn vị.",
              ("dang-nhap", "nhap-so-lieu", "de-nghi-khen-thuong", "binh-xet-don-vi")),
    RoleGuide("quan-tri", "admin", "Quản trị",
              "Quản lý tài khoản, danh mục khen thưởng, lương cơ sở, căn cứ pháp lý và chứng thư tin cậy.",
              ("dang-nhap", "he-so-tien-thuong", "kiem-tra-chu-ky")),
)
ROLE_BY_SLUG = {r.slug: r for r in ROLES}

# The task each page's "Hướng dẫn" link opens, by URL name; where a page serves several roles the
# tasks are listed in order and the first one on a page of the user's roles wins.
HELP_FOR_VIEW: dict[str, tuple[str, ...]] = {
    "home": ("dang-nhap",),
    "password_change": ("dang-nhap",),
    "campaigns:campaign-list": ("lap-ke-hoach", "nhap-so-lieu"),
    "campaigns:campaign-create": ("lap-ke-hoach",),
    "campaigns:campaign-detail": ("ban-hanh-ke-hoach", "nhap-so-lieu", "kiem-tra-chu-ky"),
    "campaigns:campaign-copy": ("sao-chep-ke-hoach",),
    "indicators:report": ("nhap-so-lieu", "xet-bao-cao"),
    "indicators:completeness": ("xet-bao-cao",),
    "indicators:campaign-results": ("xet-bao-cao", "nhap-so-lieu"),
    "reports:report-list": ("bao-cao-tong-ket",),
    "reports:report-create": ("bao-cao-tong-ket",),
    "reports:report": ("bao-cao-tong-ket",),
    "reports:report-update": ("bao-cao-tong-ket",),
    "reports:trust-anchors": ("kiem-tra-chu-ky",),
    "awards:index": ("de-nghi-khen-thuong", "xet-de-nghi", "quyet-dinh", "ghi-ket-qua-phien-hop"),
    "awards:proposal-list": ("de-nghi-khen-thuong",),
    "awards:proposal-create": ("de-nghi-khen-thuong",),
    "awards:proposal": ("de-nghi-khen-thuong", "xet-de-nghi"),
    "awards:nomination-create": ("de-nghi-khen-thuong",),
    "awards:nomination": ("de-nghi-khen-thuong", "xet-de-nghi"),
    "awards:review": ("xet-de-nghi",),
    "awards:session-list": ("ghi-ket-qua-phien-hop", "chuan-bi-phien-hop"),
    "awards:session-create": ("chuan-bi-phien-hop",),
    "awards:session": ("ghi-ket-qua-phien-hop",),
    "awards:decision-list": ("quyet-dinh",),
    "awards:decision-create": ("quyet-dinh",),
    "awards:decision": ("quyet-dinh",),
    "awards:unit-titles": ("binh-xet-don-vi",),
    "awards:fund": ("quy-thi-dua",),
    "awards:council": ("hoi-dong-nhiem-ky",),
    "awards:council-term": ("hoi-dong-nhiem-ky",),
    "awards:rollup-index": ("tong-hop-don-vi",),
    "awards:rollup": ("tong-hop-don-vi",),
    "awards:catalogue": ("he-so-tien-thuong",),
    "awards:award-type": ("he-so-tien-thuong",),
    "statistics:index": ("bieu-thong-ke",),
    "statistics:cell": ("bieu-thong-ke",),
    "statistics:edit": ("bieu-thong-ke",),
    "awards:dossier-import": ("ho-so-dien-tu",),
    "awards:dossier-match": ("ho-so-dien-tu",),
    "awards:register": ("qua-trinh-khen-thuong",),
    "awards:register-person": ("qua-trinh-khen-thuong",),
    "awards:register-organisation": ("qua-trinh-khen-thuong",),
}


def guides_for(roles) -> list[RoleGuide]:
    """The role pages of these role codes, in the manual's order (all of them when none match)."""
    mine = [r for r in ROLES if r.role in set(roles or ())]
    return mine or list(ROLES)


def help_target(view_name: str | None, roles) -> tuple[RoleGuide, str | None]:
    """The role page and task anchor the help link of page `view_name` opens for a user with these
    roles: the user's own role page that lists one of the page's tasks, else the first role page
    that does; the user's first role page (no anchor) for a page without a task."""
    tasks = HELP_FOR_VIEW.get(view_name or "", ())
    for guides in (guides_for(roles), ROLES):
        for task in tasks:
            for guide in guides:
                if task in guide.tasks:
                    return guide, task
    return guides_for(roles)[0], None


def all_shots() -> list[Shot]:
    return [shot for task in TASKS.values() for shot in task.shots]
