"""Seed 004 as the district printed it: the report of UBND huyện Châu Thành (Đồng Tháp) on a year of
Chương trình hành động số 59, 60-CTr/TU, 2020, with its appendix (issue 15).

Source: /work/shared/seeds/004_d6569b08e4310173.txt (a copy is tests/seeds/). The text below is the
seed's, word for word; only the extraction's line breaks are undone: lines are joined into the
paragraphs they belong to (a paragraph ends where a line ends a sentence and the next begins with a
capital), a word cut at a line end after a hyphen ("20, 21-" / "NQ/TW") is joined again, and the
headings, which the extraction broke over two or three lines, are one line each.

Judgement calls, said here so a reader of the demo knows:
- The outline is the district's: I (three items), II and III (the results of the two programmes,
  six and five items), IV (Mặt được, Hạn chế và nguyên nhân), V "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM
  TRONG THỜI GIAN TỚI" with its five numbered tasks as paragraphs; no completeness sentence, no
  award count, no second copy of the indicator table: the seed has none.
- The appendix ("PHỤ LỤC", its three-line title, the "Kèm theo" line, a short rule for the
  extraction's "-----") has two parts. Part I is the briefing table: the extraction kept its single
  row ("Cấp hyện, thị, xã thành phố", the seed's spelling kept) and five X marks but lost which
  columns they sit in. We place them in Đã quán triệt, Cán bộ chủ chốt, Đảng viên từng chi bộ,
  Lồng ghép với các chuyên đề khác and Lồng ghép vào cuộc họp chi bộ: the order of the
  extraction's gaps (" X X X  X X  ") read left to right, which is also the plausible reading (a
  body that has briefed cannot be "Chưa quán triệt" too). Part II is the indicator table with the
  seed's column headings; its rows are the indicator data the indicators demo loads.
- The date line reads "ngày … tháng 11 năm 2020", the month and year of the "Kèm theo" line.
"""

TITLE = ("Kết quả triển khai, thực hiện Chương trình hành động số 59,60-CT/TU của Tỉnh ủy thực hiện Nghị quyết số "
         "20,21-NQ/TW Hội nghị Trung ương 6 khóa XII")
LEAD = ("Tiếp nhận Công văn số 3899/SYT-KHTC ngày 13 tháng 11 năm 2020 của Sở Y tế tỉnh Đồng Tháp về việc phối hợp "
        "báo cáo kết quả thực hiện Chương trình hành động số 59, 60-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh khóa X, Ủy "
        "ban nhân dân Huyện báo cáo kết quả như sau:")
CLOSING = ("Trên đây là Báo cáo kết quả thực hiện Chương trình hành động số 59, 60-CT/TU của Ban Chấp hành Đảng bộ "
           "Tỉnh khóa X./.")
RECIPIENTS = "Sở YT tỉnh ĐT\nTT.HU, TT.HĐND Huyện\nCT, các PCT.UBND Huyện\nBCĐ Huyện\nLĐVP, các CVNC\nLưu VT"
SIGNER = {"signer_prefix": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH",
          "signer_name": "Đỗ Nhật Định"}
ISSUE_MONTH, ISSUE_YEAR = 11, 2020

SECTIONS = [
    dict(level=1, heading=(
            "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 59,60-CTr/TU THỰC HIỆN NGHỊ QUYẾT SỐ"
            " 20,21-NQ/TW"
        ),
         body=""),
    dict(level=2, heading="1. Tình hình triển khai, quán triệt các văn bản tại các cấp",
         body=(
            "Thực hiện Kế hoạch số 158/KH-UBND ngày 11 tháng 7 năm 2018 của Ủy ban nhân dân tỉnh Đồng Tháp về"
            " việc thực hiện Chương trình hành động số 59-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh khóa X thực "
            "hiện Nghị quyết số 20-NQ/TW Hội nghị Trung ương 6 khóa XII về tăng cường công tác bảo vệ, chăm "
            "sóc và nâng cao sức khoẻ nhân dân trong tình hình mới; Kế hoạch số 159/KH-UBND ngày 11 tháng 7 "
            "năm 2018 của Ủy ban nhân dân tỉnh Đồng Tháp về thực hiện Chương trình hành động số 60-CTr/TU của"
            " Ban Chấp hành Đảng bộ Tỉnh khóa X thực hiện Nghị quyết số 21-NQ/TW Hội nghị Trung ương 6 khóa "
            "XII về công tác dân số trong tình hình mới, Ủy ban nhân dân Huyện tham mưu Ban Thường vụ Huyện "
            "uỷ đã tiến hành xây dựng Chương trình hành động số 225, 226-CTr/HU để cụ thể hoá việc lãnh đạo "
            "tổ chức thực hiện và tổ chức triển khai, quán triệt cho các đồng chí là Huyện uỷ viên, bí thư "
            "chi, đảng bộ cơ sở, Trưởng, Phó các ban, ngành, các tổ chức chính trị - xã hội, Chủ tịch Ủy ban "
            "nhân dân xã, thị trấn có 179 đồng chí dự. Đồng thời xây dựng Kế hoạch số 155,156/KH-UBND tổ chức"
            " triển khai thực hiện trên địa bàn Huyện."
        )),
    dict(level=2, heading=(
            "2. Kết quả ban hành các văn bản lãnh đạo, chỉ đạo và tổ chức thực hiện từ tháng 02/2018 đến nay"
        ),
         body=(
            "Kịp thời kiện toàn hợp nhất Ban Chỉ đạo bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân, Ban Chỉ "
            "đạo liên ngành về vệ sinh an toàn thực phẩm thành Ban Chỉ đạo bảo vệ, chăm sóc, nâng cao sức "
            "khỏe nhân dân và vệ sinh an toàn thực phẩm trên địa bàn huyện Châu Thành tại Quyết định "
            "537/QĐ-UBND ngày 26 tháng 6 năm 2020.\n"
            "Hàng năm, có văn bản phê duyệt kế hoạch công tác bảo vệ, chăm sóc, nâng cao sức khỏe nhân dân "
            "thông qua các kế hoạch chuyên môn của ngành y tế, đồng thời, giao chỉ tiêu về công tác dân số kế"
            " hoạch hóa gia đình, kế hoạch phát triển bảo hiểm y tế toàn dân…\n"
            "Đưa các mục tiêu, chỉ tiêu về sức khỏe, y tế, các yếu tố ảnh hưởng đến sức khỏe như: môi trường,"
            " thể dục, thể thao văn hóa và các chỉ tiêu về dân số vào chương trình, kế hoạch phát triển kinh "
            "tế - xã hội hằng năm, 5 năm và dài hạn của các ngành, các xã, thị trấn. Xây dựng mục tiêu, chỉ "
            "tiêu về y tế, các lĩnh vực ảnh hưởng đến sức khỏe người dân và chiến lược phát triển, chương "
            "trình, kế hoạch công tác của các cơ quan, đơn vị, đoàn thể trong Huyện.\n"
            "Phân công trách nhiệm cụ thể, rõ ràng trong thực hiện các mục tiêu, giải pháp bảo vệ, chăm sóc "
            "và nâng cao sức khỏe, trước hết là trong đảm bảo vệ sinh an toàn thực phẩm, bảo vệ môi trường, "
            "rèn luyện thân thể, xây dựng nếp sống văn minh, tham gia bảo hiểm y tế toàn dân và thực hiện các"
            " quy định về phòng dịch, phòng và chữa bệnh. Đổi mới và nâng cao hiệu quả công tác tuyên truyền,"
            " các phong trào thi đua, các cuộc vận động có nội dung, tiêu chí liên quan tới công tác bảo vệ, "
            "chăm sóc nâng cao sức khỏe người dân. Tăng cường công tác kiểm tra và phát huy vai trò giám sát "
            "của người dân trong việc thực hiện các giải pháp và các chế độ liên quan đến công tác bảo vệ, "
            "chăm sóc nâng cao sức khỏe."
        )),
    dict(level=2, heading="3. Hoạt động kiểm tra, giám sát thực hiện",
         body=(
            "Hàng năm, tổ chức kiểm tra giám sát các xã, thị trấn để thực hiện chỉ tiêu thực hiện bảo hiểm y "
            "tế, công tác bảo vệ, chăm sóc, nâng cao sức khỏe nhân dân.\n"
            "Trung tâm Y tế Huyện tổ chức kiểm tra, giám sát Trạm Y tế các xã, thị trấn, với hình thức kiểm "
            "tra 02 lần/năm (6 tháng, cuối năm và kiểm tra đột xuất khi có nhu cầu)."
        )),
    dict(level=1, heading=(
            "II. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 59- CTr/TU THỰC HIỆN NGHỊ QUYẾT SỐ 20-NQ/TW"
        ),
         body=""),
    dict(level=2, heading=(
            "1. Sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp; sự tham gia của Mặt trận Tổ quốc, các "
            "tổ chức chính trị - xã hội và của toàn xã hội trong việc bảo vệ, chăm sóc và nâng cao sức khỏe "
            "nhân dân"
        ),
         body=(
            "Thời gian qua, công tác giáo dục chính trị tư tưởng và bồi dưỡng, nâng cao y đức, tuyên truyền, "
            "phổ biến pháp luật cho đội ngũ cán bộ, công chức, viên chức, đặc biệt là tinh thần trách nhiệm, "
            "thái độ phục vụ người bệnh của cán bộ, nhân viên y tế được tiến hành thường xuyên gắn với việc "
            "thực hiện học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, qua đó đã khắc phục cơ "
            "bản những hạn chế, tiêu cực trong khâu khám và điều trị bệnh, tạo được sự hài lòng trong Nhân "
            "dân.\n"
            "Công tác y tế dự phòng được chú trọng, giám sát, phát hiện và khống chế các dịch bệnh, xử lý kịp"
            " thời các ổ dịch, không để dịch lây lan ra diện rộng, trong thời gian qua trên địa bàn Huyện "
            "không có dịch lớn xảy ra.\n"
            "Sự nghiệp y tế luôn được Đảng và Nhà nước quan tâm đầu tư đáp ứng nhu cầu khám chữa bệnh cho "
            "Nhân dân, Trung tâm Y tế Huyện đã đi vào hoạt động, với diện tích 2,5 ha, quy mô 150 giường và "
            "đang xây nơi làm việc của Trung tâm Y tế Huyện theo mô hình của Bộ Y tế."
        )),
    dict(level=2, heading="2. Công tác bảo vệ, nâng cao sức khỏe nhân dân",
         body=(
            "Tuyên truyền nâng cao nhận thức, thay đổi hành vi của cộng đồng về tự bảo vệ và chăm sóc sức "
            "khỏe. Quan tâm, tạo điều kiện để người lao động được bảo vệ, nâng cao sức khỏe, đặc biệt là đối "
            "tượng lao động nặng nhọc, độc hại, lao động ở vùng nông thôn. Hàng năm, thực hiện các chương "
            "trình bổ sung vi chất cần thiết và chế độ dinh dưỡng cho phụ nữ có thai, phụ nữ cho con bú…\n"
            "Thực hiện tuyên truyền về an toàn thực phẩm, đặc biệt trong Tháng hành động an toàn vệ sinh thực"
            " phẩm, do đó không có vụ ngộ độc lớn xảy ra trên địa bàn Huyện; chú trọng công tác phòng, chống "
            "ma túy trong cơ quan, đơn vị, doanh nghiệp, cộng đồng dân cư. Tổ chức tuyên truyền, vận động xây"
            " dựng các phong trào rèn luyện thân thể, nếp sống văn minh, lối sống lành mạnh, vệ sinh cá nhân.\n"
            "Thực hiện tuyên truyền về Luật khám chữa bệnh, Luật Bảo hiểm sửa đổi, các Chỉ thị, Nghị quyết "
            "của Đảng về bảo vệ, chăm sóc nâng cao sức khỏe, các phương pháp rèn luyện thân thể nâng cao thể "
            "trạng với những nội dung và hình thức phù hợp như: treo khẩu hiệu, băng zôn, áp phích cổ động,… "
            "tạo sự yên tâm, chú ý của các tầng lớp nhân dân. Đăng tải các bài viết, nội dung tuyên truyền về"
            " bảo vệ, chăm sóc nâng cao sức khỏe trên sóng phát thanh Huyện, xã, Trang thông tin điện tử "
            "Huyện…"
        )),
    dict(level=2, heading=(
            "3. Việc nâng cao chất lượng khám, chữa bệnh và năng lực phòng, chống dịch bệnh gắn với đổi mới y"
            " tế cơ sở"
        ),
         body=(
            "Các chương trình mục tiêu quốc gia về y tế được tập trung triển khai thực hiện; công tác truyền "
            "thông giáo dục sức khỏe được đẩy mạnh giúp người dân có ý thức phòng bệnh cho bản thân, gia đình"
            " và cộng đồng; phong trào thể dục, thể thao rèn luyện thể chất để phòng chống bệnh tật được "
            "người dân tích cực tham gia; thường xuyên kiểm tra các cơ sở sản xuất, chế biến kinh doanh, "
            "tuyên truyền kiến thức về vệ sinh an toàn thực phẩm để người sản xuất, chế biến, kinh doanh và "
            "người dân từng bước nâng cao nhận thức về an toàn vệ sinh thực phẩm, góp phần hạn chế ngộ độc "
            "xảy ra.\n"
            "Mạng lưới y tế cơ sở được thực hiện tốt, 12/12 Trạm Y tế xã, thị trấn đạt chuẩn quốc gia về cơ "
            "sở vật chất và trang thiết bị. Công tác triển khai, sắp xếp bộ máy ngành y tế cấp Huyện được "
            "quan tâm thực hiện, sáp nhập Trung tâm Y tế - Dân số Huyện và Bệnh viện Đa khoa Huyện thành "
            "Trung tâm Y tế Huyện theo Quyết định số 104/QĐ-UBND-TL ngày 02 tháng 11 năm 2017 của Ủy ban nhân"
            " dân tỉnh Đồng Tháp đến nay đi vào hoạt động ổn định.\n"
            "Tỷ lệ dân số tham gia bảo hiểm y tế ước đạt 90% kế hoạch năm 2020."
        )),
    dict(level=2, heading="4. Hoạt động bảo đảm cung ứng thuốc trong phòng bệnh và khám chữa bệnh",
         body=(
            "Hàng năm, tổ chức đấu thầu thuốc BHYT theo danh mục Bộ Y tế quy định đảm bảo cung ứng đủ thuốc "
            "cả về số lượng và chất lượng với giá đúng theo giá trúng thầu đáp ứng nhu cầu phòng, chữa bệnh, "
            "phục hồi chức năng cho nhân dân.\n"
            "Thực hiện công tác thanh tra, kiểm tra, xử lý vi phạm của các cơ sở y tế tư nhân. Chấn chỉnh "
            "tình trạng bán thuốc không theo đơn. Phòng, chống buôn lậu, sản xuất kinh doanh thuốc, thực phẩm"
            " chức năng giả, kém chất lượng. Đồng thời khuyến khích phát triển hệ thống cơ sở chăm sóc sức "
            "khỏe ngoài công lập đảm bảo chất lượng đáp ứng nhu cầu ngày càng cao của nhân dân."
        )),
    dict(level=2, heading=(
            "5. Việc phát triển nhân lực, khoa học – công nghệ và nâng cao hiệu quả hợp tác quốc tế về y tế."
        ),
         body=(
            "Cử nhiều lượt cán bộ, viên chức đi đào tạo, bồi dưỡng các lớp dài hạn và ngắn hạn để nâng cao "
            "trình độ chuyên môn. Ứng dụng, tiếp nhận chuyển giao công nghệ, khoa học kỹ thuật từ tuyến trên "
            "xuống tuyến dưới. Xây dựng chính sách phù hợp để khuyến khích người có trình độ chuyên môn làm "
            "việc tại các Trạm Y tế.\n"
            "Bảo đảm an ninh, trật tự an toàn tại các cơ sở y tế."
        )),
    dict(level=2, heading=(
            "6. Đổi mới hệ thống quản lý và cung cấp dịch vụ y tế; Bảo đảm nguồn lực tài chính y tế"
        ),
         body=(
            "Hàng năm thực hiện kiểm tra, giám sát hoạt động chuyên môn của các cơ sở y tế công lập, y tế tư "
            "nhân trên địa bàn đảm bảo chăm sóc sức khỏe toàn diện cho nhân dân.\n"
            "Cải cách hành chính, ứng dụng công nghệ thông tin trong quản lý, cung cấp dịch vụ, giảm phiền "
            "hà, tạo thuận lợi cho người dân\n"
            "Kinh phí hoạt động do ngân sách nhà nước cấp trong năm là 10.775.000.000 đồng; thu dịch vụ y tế:"
            " 31.024.000.000 đồng, cơ bản bảo đảm nguồn lực tài chính y tế."
        )),
    dict(level=1, heading=(
            "III. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 60-CTr/TU THỰC HIỆN NGHỊ QUYẾT SỐ 21-NQ/TW"
        ),
         body=""),
    dict(level=2, heading="1. Sự chỉ đạo của chính quyền các cấp trong công tác dân số",
         body=(
            "Từng cấp chính quyền đều có xây dựng kế hoạch, chương trình hành động, đề ra mục tiêu, nhiệm vụ,"
            " giải pháp cụ thể, thiết thực để lãnh đạo thực hiện ở cơ quan, đơn vị mình, thể hiện sự quyết "
            "tâm trong thực hiện các chỉ tiêu về công tác dân số - kế hoạch hoá gia đình; thường xuyên kiểm "
            "tra, giám sát, sơ, tổng kết rút kinh nghiệm để đánh giá đúng kết quả thực hiện, kịp thời khắc "
            "phục những hạn chế, khuyết điểm và đề ra giải pháp phù hợp để đạt hiệu quả cao.\n"
            "Các cấp chính quyền đưa công tác dân số và phát triển, đặc biệt là mục tiêu nâng cao chất lượng "
            "dân số vào chương trình hành động hàng năm, xác định đây là một tiêu chuẩn để đánh giá mức độ "
            "hoàn thành nhiệm vụ địa phương, đơn vị. Phân công các đồng chí cấp ủy trực tiếp lãnh đạo, kiểm "
            "tra, giám sát thường xuyên việc thực hiện các mục tiêu đề ra.\n"
            "Tăng cường chỉ đạo sự phối hợp của các phòng, ban, ngành Huyện, phát huy mạnh mẽ vai trò của Mặt"
            " trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội trong việc huy động sự tham gia của "
            "cộng đồng, tạo sự đồng thuận trong xã hội để thực hiện công tác dân số ngày càng sâu rộng, thiết"
            " thực, hiệu quả."
        )),
    dict(level=2, heading="2. Đổi mới nội dung công tác tuyên truyền, vận động về công tác dân số",
         body=(
            "Tổ chức học tập, quán triệt cho cán bộ, đảng viên, đoàn viên, hội viên và quần chúng nhân dân "
            "nâng cao nhận thức về mục đích, ý nghĩa, tầm quan trọng của công tác dân số kế hoạch hóa gia "
            "đình, lợi ích của quy mô gia đình ít con, xóa bỏ những quan niệm tập quán lạc hậu trong sinh "
            "con.\n"
            "Đa dạng hóa các loại hình tuyên truyền, vận động, phương pháp tuyên truyền sâu sát, cụ thể, phù "
            "hợp với từng đối tượng. Đổi mới nội dung, phương pháp và nâng cao hiệu quả chương trình giáo dục"
            " dân số, sức khỏe sinh sản vị thành niên, thanh niên trong và ngoài nhà trường.\n"
            "Xây dựng những mô hình, phong trào mới, khuyến khích người dân thường xuyên luyện tập thể dục, "
            "thể thao, có lối sống lành mạnh, chế độ dinh dưỡng hợp lý để nâng cao sức khỏe, tầm vóc, thể "
            "lực. Xây dựng, nhân rộng các mô hình, điển hình tiên tiến, khen thưởng những gia đình có nhiều "
            "thế hệ gương mẫu thực hiện tốt chính sách dân số và kế hoạch hóa gia đình.\n"
            "Nhìn chung, công tác dân số - kế hoạch hoá gia đình được các cơ quan, đơn vị quan tâm; thực hiện"
            " tốt việc phối hợp lồng ghép các hoạt động với tuyên truyền thực hiện chính sách về dân số - kế "
            "hoạch hoá gia đình, các phong trào \"Câu lạc bộ Gia đình không sinh con thứ ba\", \"Câu lạc bộ gia "
            "đình hạnh phúc\", \"Mô hình tổ phụ nữ 3 không, 4 không\", \"Câu lạc bộ Nông dân - Pháp luật\", \"Câu "
            "lạc bộ tiền hôn nhân\"… được đẩy mạnh và đông đảo cán bộ, đảng viên, đoàn viên, hội viên và Nhân "
            "dân tham gia hưởng ứng tích cực."
        )),
    dict(level=2, heading="3. Việc xây dựng và hoàn thiện cơ chế, chính sách về dân số",
         body=(
            "Công tác thông tin, giáo dục truyền thông về dân số – kế hoạch hoá gia đình được thường xuyên "
            "triển khai sâu rộng trong các tầng lớp Nhân dân với nhiều nội dung, hình thức phong phú, đa dạng"
            " đã tác động sâu và tạo sự thu hút nhiều đối tượng tham gia, giúp người dân dễ hiểu, dễ nhớ và "
            "dễ thực hiện áp dụng các biện pháp kế hoạch hoá gia đình hiện đại.\n"
            "Xây dựng kế hoạch hành động thực hiện Chiến lược dân số quốc gia trong tình hình mới, chú trọng "
            "xây dựng các chương trình, kế hoạch phát triển thể lực tầm vóc người Việt Nam trong giai đoạn "
            "mới. Xây dựng những mô hình nâng cao vai trò của người cao tuổi tại cộng đồng, đề xuất chính "
            "sách về bảo vệ, chăm sóc và phát huy vai trò người cao tuổi tại cộng đồng, khuyến khích người "
            "cao tuổi tham gia các hoạt động kinh tế - xã hội phù hợp với sức khỏe và điều kiện lao động việc"
            " làm, chủ động xây dựng môi trường thân thiện, cung ứng dịch vụ chăm sóc dài hạn, dịch vụ y tế "
            "cho người cao tuổi.\n"
            "Nghiêm cấm các cơ sở y tế công lập, tư nhân cung cấp thông tin lựa chọn giới tính thai nhi khi "
            "thăm khám. Đẩy mạnh công tác bình đẳng giới, vì sự tiến bộ của phụ nữ."
        )),
    dict(level=2, heading="4. Việc phát triển mạng lưới và nâng cao chất lượng dịch vụ về dân số",
         body=(
            "Củng cố mạng lưới dịch vụ kế hoạch hóa gia đình. Phát triển mạng lưới cung cấp các dịch vụ tầm "
            "soát, sàng lọc chẩn đoán sớm bệnh tật trước sinh, sơ sinh, hỗ trợ sinh sản, tư vấn kiểm tra sức "
            "khỏe sinh sản trước hôn nhân. Tăng cường kết nối, hợp tác với các cơ sở cung cấp dịch vụ ngoài "
            "công lập. Đổi mới phương thức cung cấp, đưa dịch vụ tới tận người sử dụng.\n"
            "Tăng cường cung cấp các dịch vụ y tế hoàn thiện hệ thống dịch vụ chăm sóc sức khỏe sinh sản và "
            "thực hiện kế hoạch hóa gia đình, đáp ứng đầy đủ nhu cầu của người sử dụng về các biện pháp tránh"
            " thai. Triển khai các loại hình cung cấp dịch vụ sức khỏe sinh sản, kế hoạch hóa gia đình phù "
            "hợp với từng địa phương. Khuyến khích các tổ chức xã hội và tư nhân tham gia cung cấp dịch vụ "
            "này. Chú trọng đầu tư nâng cấp cơ sở vật chất, trang thiết bị và nâng cao trình độ chuyên môn "
            "nghiệp vụ, thái độ và trách nhiệm của cán bộ y tế, tham gia cung cấp dịch vụ chăm sóc sức khỏe "
            "sinh sản, kế hoạch hóa gia đình.\n"
            "Tổ chức các chương trình sinh hoạt ngoại khoá như giáo dục sức khoẻ sinh sản vị thành niên, giáo"
            " dục dân số học đường đã giúp cho học sinh và cán bộ, đảng viên trẻ nhận thức sâu sắc về chính "
            "sách dân số – kế hoạch hoá gia đình, qua đó có những suy nghĩ đúng khi lập gia đình và thực hiện"
            " tốt việc sinh đẻ có kế hoạch."
        )),
    dict(level=2, heading=(
            "5. Công tác kiện toàn tổ chức bộ máy, bảo đảm nguồn lực, nâng cao năng lực quản lý, điều hành "
            "đối với công tác dân số"
        ),
         body=(
            "Tiếp tục chỉ đạo kiện toàn hệ thống tổ chức bộ máy làm công tác dân số gia đình và trẻ em. Xây "
            "dựng cơ chế phối hợp liên ngành nhằm tăng cường chỉ đạo, điều phối hoạt động của các ngành, cơ "
            "quan có chức năng quản lý các lĩnh vực liên quan tới dân số và phát triển.\n"
            "Hệ thống cung cấp dịch vụ chăm sóc sức khoẻ sinh sản, kế hoạch hoá gia đình được tăng cường củng"
            " cố từ tuyến cơ sở đến tuyến Huyện, các đối tượng được cung cấp dịch vụ chăm sóc sức khoẻ sinh "
            "sản của Trung tâm Y tế Huyện và Trạm Y tế xã, thị trấn. Hiện nay, có 100% Trạm Y tế cơ sở có nữ "
            "hộ sinh trung học hoặc y sĩ sản nhi, đảm bảo các yêu cầu trong thực hiện các biện pháp tránh "
            "thai. Mạng lưới cung cấp phương tiện tránh thai lâm sàng thông qua đội ngũ cộng tác viên được "
            "phủ khắp, đã góp phần thực hiện tốt mục tiêu đưa dịch vụ kế hoạch hoá gia đình đến tận đối tượng"
            " và tuyên truyền vận động, tư vấn có hiệu quả các nội dung chăm sóc sức khoẻ sinh sản và làm mẹ "
            "an toàn trong cộng đồng."
        )),
    dict(level=1, heading="IV. ĐÁNH GIÁ CHUNG",
         body=""),
    dict(level=2, heading="1. Mặt được",
         body=(
            "Công tác triển khai quán triệt thực hiện Chương trình hành động số 59, 60-CTr/TU của Tỉnh ủy "
            "được các cấp ủy, chính quyền từ Huyện đến cơ sở quan tâm lãnh chỉ đạo tổ chức thực hiện đã góp "
            "phần nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về ý nghĩa và tầm quan trọng của công "
            "tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân và về công tác dân số trong tình hình mới.\n"
            "Các Chương trình mục tiêu quốc gia và các chương trình y tế dự phòng được tích cực triển khai và"
            " mang lại hiệu quả cao. Công tác tuyên truyền, vận động được thực hiện thường xuyên; chủ động "
            "phòng ngừa, khống chế không để dịch bệnh nguy hiểm xảy ra trên địa bàn Huyện và không có tử vong"
            " do các bệnh dịch.\n"
            "Công tác khám chữa bệnh có nhiều tiến bộ, đội ngũ cán bộ y tế đều nhận thức được ý thức, trách "
            "nhiệm, tinh thần thái độ phục vụ và chăm sóc người bệnh.\n"
            "Công tác chăm sóc sức khỏe cho Nhân dân, y tế dự phòng, dân số - kế hoạch hóa gia đình được quan"
            " tâm thực hiện và có nhiều tiến bộ, nhất là tăng cường phòng, chống hiệu quả các loại dịch bệnh "
            "nguy hiểm như: tay chân miệng, sốt xuất huyết, vi rút Zika, đặc biệt bệnh covid-19…; công tác vệ"
            " sinh an toàn thực phẩm được đảm bảo và tăng cường kiểm tra thường xuyên theo Kế hoạch đề ra."
        )),
    dict(level=2, heading="2. Hạn chế và nguyên nhân",
         body=(
            "Một bộ phận y, bác sĩ có thái độ chưa đúng mực khi phục vụ chăm sóc sức khỏe nhân dân.\n"
            "Một vài nơi chưa gắn kết chặt chẽ trong kiểm tra, giám sát việc chấp hành thực hiện nhiệm vụ của"
            " từng cơ quan, đơn vị hàng năm để có đánh giá, chấn chỉnh việc thực hiện chính sách dân số – kế "
            "hoạch hoá gia đình gắn với việc thực hiện nhiệm vụ phát triển kinh tế – xã hội."
        )),
    dict(level=1, heading="V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM TRONG THỜI GIAN TỚI",
         body=(
            "1. Tiếp tục quán triệt, chương trình hành động của Tỉnh ủy thực hiện Nghị quyết số 20, 21-NQ/TW "
            "của Ban Chấp hành Trung ương Đảng về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe "
            "Nhân dân trong tình hình mới; về công tác dân số trong tình hình mới trong cán bộ, đảng viên và "
            "Nhân dân nhằm nâng cao nhận thức trong công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân, "
            "công tác dân số - kế hoạch hóa gia đình.\n"
            "2. Tiếp tục thực hiện chiến dịch tăng cường tuyên truyền vận động lồng ghép dịch vụ chăm sóc sức"
            " khỏe sinh sản kế hoạch hóa gia đình trong toàn Huyện.\n"
            "3. Nâng cao trách nhiệm và thái độ phục vụ trong điều trị bệnh, củng cố, kiện toàn nguồn nhân "
            "lực nhằm nâng cao tinh thần thái độ phục vụ, hiệu quả gắn với việc đẩy mạnh ứng dụng khoa học kỹ"
            " thuật tiên tiến, ứng dụng công nghệ thông tin trong các hoạt động quản lý, quản trị, điều hành;"
            " đa dạng hoá các loại hình cung cấp dịch vụ,... nhằm nâng cao chất lượng điều trị, khám chữa "
            "bệnh, chăm sóc sức khỏe Nhân dân trên địa bàn ngày càng tốt hơn. Đồng thời, đảm bảo cho các đối "
            "tượng được tiếp cận đầy đủ các dịch vụ y tế khi tham gia bảo hiểm y tế gắn với quyền lợi và "
            "nghĩa vụ góp phần tăng tỷ lệ dân số tham gia bảo hiểm y tế trên địa bàn Huyện.\n"
            "4. Tăng cường quản lý các dịch vụ y tế tư nhân, chú trọng công tác thanh tra, kiểm tra chất "
            "lượng vệ sinh an toàn thực phẩm kịp thời phát hiện xử lý theo quy định nhằm đảm bảo an toàn sức "
            "khỏe và cung cấp nhiều thực phẩm sạch cho người tiêu dùng.\n"
            "5. Chủ động phòng chống dịch bệnh, đảm bảo an toàn vệ sinh thực phẩm trên địa bàn Huyện, nhất là"
            " các dịp Tết và các ngày Lễ lớn trong năm."
        )),
]

APPENDIX = [
    dict(level=0, heading="PHỤ LỤC", body=(
        "đánh giá kết quả một năm triển khai, thực hiện Chương trình hành động\n"
        "của Tỉnh ủy thực hiện Nghị quyết số 20, 21-NQ/TW\n"
        "Hội nghị Trung ương 6 khóa XII")),
    dict(level=1, heading=("I- TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 59 VÀ 60-CTr/TU THỰC HIỆN NGHỊ QUYẾT "
                           "SỐ 20, 21-NQ/TW"),
         block="briefing",
         data={"rows": [{"name": "Cấp hyện, thị, xã thành phố",
                         "marks": [False, True, True, True, False, True, True, False]}]}),
    dict(level=1, heading="II- KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU DÂN SỐ - KẾ HOẠCH HÓA GIA ĐÌNH",
         block="indicator_appendix",
         data={"plan": "Kế hoạch năm 2020", "result": "Kết quả thực hiện năm 2020", "next": "Kế hoạch năm 2021"}),
]
