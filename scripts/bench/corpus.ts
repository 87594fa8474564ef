/**
 * A deterministic, realistic Vietnamese newsroom corpus for benchmarks: the loader's folder layout, the site's
 * categories, 15 years of dated articles with headings, lists and links. Same seed, size and `now`, same files.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { site } from "../../site.config.ts";
import { FOLDERS } from "../lib/content/load.ts";
import { slugify } from "../lib/content/slug.ts";

export interface CorpusOptions {
  dir: string;
  articles: number;
  seed?: number;
  /** The corpus ends the day before this instant (default: now), so no article is scheduled. */
  now?: Date;
}

/** The one article every corpus holds, with a fixed title tests search for. */
export interface KnownArticle {
  title: string;
  slug: string;
  url: string;
  category: string;
  file: string;
}

export interface Corpus {
  dir: string;
  articles: number;
  pages: number;
  schedule: number;
  /** Whitespace-separated words (Vietnamese syllables) of all article bodies. */
  words: number;
  seed: number;
  /** Known article: "Hội nghị tổng kết đo lường chất lượng năm <last year>" in "Tiêu chuẩn - Đo lường - Chất lượng". */
  known: KnownArticle;
}

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  some<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

const PLACES = [
  "thành phố Đồng Hới", "thị xã Ba Đồn", "huyện Lệ Thủy", "huyện Quảng Ninh", "huyện Bố Trạch", "huyện Quảng Trạch",
  "huyện Tuyên Hóa", "huyện Minh Hóa", "xã Quảng Phú", "xã Sơn Trạch", "phường Bắc Lý", "xã Cảnh Dương",
  "xã Hưng Trạch", "xã Vạn Ninh", "xã Hải Ninh", "phường Quảng Thọ", "xã Trường Sơn", "xã Phúc Trạch",
  "xã Thượng Hóa", "phường Đồng Phú", "xã Kim Thủy", "xã Quảng Hòa",
];

const ORGS = [
  "Chi cục Tiêu chuẩn Đo lường Chất lượng", "Trung tâm Ứng dụng và Thống kê KH&CN", "Phòng Quản lý Khoa học",
  "Phòng Quản lý Công nghệ và Chuyển đổi số", "Văn phòng Sở", "Thanh tra Sở", "Trường Đại học Quảng Bình",
  "Hội Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Sở Công Thương", "Sở Nông nghiệp và Môi trường",
  "Liên minh Hợp tác xã tỉnh", "Tỉnh đoàn", "Hội Nông dân tỉnh", "Viện Khoa học Nông nghiệp Bắc Trung Bộ",
  "Trung tâm Đổi mới sáng tạo tỉnh", "Hiệp hội Doanh nghiệp tỉnh",
];

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Đinh", "Phan", "Trương"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Xuân", "Bá", "Công", "Thu", "Hoài", "Anh"];
const GIVEN = ["Nam", "Hùng", "Lan", "Hương", "Dũng", "Tuấn", "Thắng", "Hải", "Long", "Phương", "Hà", "Quý", "Thảo", "Sơn", "Tâm", "Vinh", "Yến", "Khánh", "Trung", "Hiếu", "Nguyệt", "Lộc"];
const POSITIONS = [
  "Giám đốc Sở KH&CN", "Phó Giám đốc Sở KH&CN", "Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng",
  "Trưởng phòng Quản lý Khoa học", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Chánh Văn phòng Sở", "Chánh Thanh tra Sở",
  "Giám đốc Trung tâm Ứng dụng và Thống kê KH&CN",
];

const TOPICS = [
  "ứng dụng chế phẩm sinh học xử lý chất thải chăn nuôi", "nhân giống cây dược liệu bằng phương pháp nuôi cấy mô",
  "xây dựng mô hình nuôi tôm thẻ chân trắng công nghệ cao", "bảo tồn và phát triển nguồn gen gà Ri địa phương",
  "ứng dụng IoT giám sát chất lượng nước nuôi trồng thủy sản", "sản xuất nấm linh chi theo quy trình VietGAP",
  "giải pháp chống sạt lở bờ sông Gianh", "phát triển du lịch cộng đồng gắn với di sản thiên nhiên",
  "số hóa tư liệu Hán Nôm của địa phương", "chọn tạo giống lúa chịu mặn cho vùng ven biển",
  "ứng dụng trí tuệ nhân tạo dự báo thời tiết nông vụ", "chế biến sâu sản phẩm từ cây tràm",
  "xử lý nước sinh hoạt cho vùng khô hạn", "phát triển cây ăn quả có múi theo hướng hữu cơ",
  "sản xuất phân hữu cơ vi sinh từ phụ phẩm nông nghiệp", "bảo quản sau thu hoạch nông sản chủ lực",
  "nâng cao hiệu quả nuôi cá lồng trên sông", "đánh giá tài nguyên nước dưới đất vùng cát",
];

const PRODUCTS = [
  "bưởi Phúc Trạch", "khoai deo Hải Ninh", "nước mắm Cảnh Dương", "mật ong rừng Minh Hóa", "hồ tiêu Bố Trạch",
  "cá khô Nhật Lệ", "gạo hữu cơ Lệ Thủy", "rượu Bàu Dòng", "nón lá Quảng Thuận", "chè vằng Tuyên Hóa",
  "dầu tràm Đồng Hới", "cam Thượng Hóa", "mè xửng Kim Thủy", "bánh lọc Quảng Hòa",
];

const DEVICES = [
  "cột đo xăng dầu", "cân bàn", "cân đồng hồ lò xo", "đồng hồ đo nước lạnh", "công tơ điện", "taximet",
  "phương tiện đo huyết áp", "phương tiện đo nồng độ cồn trong hơi thở", "cân ô tô", "máy đo điện tim",
];

const STANDARDS = ["TCVN ISO 9001:2015", "ISO 22000:2018", "ISO 14001:2015", "HACCP", "5S", "Kaizen", "Lean", "VietGAP", "ISO 50001:2018"];

const DIGITAL = [
  "nền tảng số dùng chung", "dịch vụ công trực tuyến toàn trình", "cơ sở dữ liệu KH&CN", "chữ ký số",
  "Trung tâm điều hành thông minh", "hệ thống quản lý văn bản và điều hành", "mã QR truy xuất nguồn gốc",
  "điện toán đám mây", "bản đồ số", "thanh toán không dùng tiền mặt", "trợ lý ảo",
];

const LAWS = [
  "Khoa học, công nghệ và đổi mới sáng tạo", "Tiêu chuẩn và Quy chuẩn kỹ thuật", "Đo lường", "Sở hữu trí tuệ",
  "Chuyển giao công nghệ", "Chất lượng sản phẩm, hàng hóa", "Năng lượng nguyên tử", "Chuyển đổi số",
];

const POLICIES = [
  "quản lý nhiệm vụ KH&CN cấp tỉnh", "hỗ trợ doanh nghiệp đổi mới công nghệ", "định mức xây dựng dự toán nhiệm vụ KH&CN",
  "chương trình phát triển tài sản trí tuệ", "hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo", "giải thưởng sáng tạo KH&CN",
  "nâng cao năng suất và chất lượng sản phẩm, hàng hóa", "chuyển đổi số trong cơ quan nhà nước", "an toàn bức xạ trong y tế",
];

const TRAINING = ["kỹ năng số", "quản lý đề tài KH&CN", "an toàn bức xạ", "đo lường trong thương mại bán lẻ", "xây dựng tài sản trí tuệ", "năng suất chất lượng", "thông tin thống kê KH&CN"];
const HOLIDAYS = ["Tết Dương lịch", "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", "30/4 và 1/5", "Quốc khánh 2/9"];
const FIELDS = ["nông nghiệp", "du lịch", "y tế", "giáo dục", "giao thông", "tài nguyên môi trường", "thương mại"];
const ITEMS = ["thiết bị thử nghiệm", "phần mềm quản lý", "dịch vụ bảo trì hệ thống", "in ấn tài liệu", "thiết bị hiệu chuẩn"];

type Fill = (d: Dice, year: number) => string;
const person: Fill = (d) => `${d.pick(SURNAMES)} ${d.pick(MIDDLE)} ${d.pick(GIVEN)}`;

/** Phrase fillers by slot name. */
const SLOTS: Record<string, Fill> = {
  year: (_, y) => String(y),
  place: (d) => d.pick(PLACES),
  org: (d) => d.pick(ORGS),
  topic: (d) => d.pick(TOPICS),
  product: (d) => d.pick(PRODUCTS),
  device: (d) => d.pick(DEVICES),
  standard: (d) => d.pick(STANDARDS),
  digital: (d) => d.pick(DIGITAL),
  law: (d) => d.pick(LAWS),
  policy: (d) => d.pick(POLICIES),
  training: (d) => d.pick(TRAINING),
  holiday: (d) => d.pick(HOLIDAYS),
  field: (d) => d.pick(FIELDS),
  item: (d) => d.pick(ITEMS),
  person: (d) => `${d.pick(POSITIONS)} ${person(d, 0)}`,
  name: person,
  n: (d) => String(d.int(2, 60)),
  big: (d) => String(d.int(100, 2500)),
  pct: (d) => `${d.int(55, 99)}%`,
  num: (d) => String(d.int(10, 999)),
  month: (d) => String(d.int(1, 12)),
  phase: (d) => d.pick(["sơ kết", "tổng kết"]),
  period: (d) => d.pick(["6 tháng đầu năm", "9 tháng năm", "quý I năm", "năm"]),
  stars: (d) => d.pick(["3 sao", "4 sao", "4 sao", "5 sao"]),
};

function fill(template: string, d: Dice, year: number): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => (SLOTS[slot] ?? (() => slot))(d, year));
}

/** Title templates by category slug (site.config.ts). */
const TITLES: Record<string, string[]> = {
  "hoat-dong-khcn": [
    "Hội nghị {phase} hoạt động KH&CN {period} {year}", "Nghiệm thu đề tài {topic}", "Hội thảo khoa học về {topic}",
    "Hội đồng KH&CN tỉnh tư vấn tuyển chọn nhiệm vụ năm {year}", "Đoàn công tác Sở KH&CN làm việc tại {place}",
    "Chuyển giao mô hình {topic} cho nông dân {place}", "Kiểm tra tiến độ dự án {topic}", "Tập huấn {training} cho cán bộ {place}",
    "Nghiệm thu cấp cơ sở dự án {topic}", "Hội nghị giao ban KH&CN vùng Bắc Trung Bộ năm {year}",
  ],
  "tieu-chuan-do-luong-chat-luong": [
    "Kiểm tra đo lường {device} tại {place}", "Kiểm định {big} {device} trên địa bàn {place}", "Hỗ trợ doanh nghiệp áp dụng {standard}",
    "Tập huấn quản lý đo lường chất lượng năm {year}", "Kiểm tra chất lượng xăng dầu dịp {holiday} {year}",
    "Phát động Giải thưởng Chất lượng Quốc gia năm {year}", "Ngày Tiêu chuẩn Thế giới {year}: tiêu chuẩn cho phát triển bền vững",
    "Tăng cường quản lý chất lượng mũ bảo hiểm, đồ chơi trẻ em tại {place}", "Hiệu chuẩn {device} cho cơ sở y tế {place}",
  ],
  "so-huu-tri-tue": [
    "Cấp văn bằng bảo hộ nhãn hiệu chứng nhận {product}", "Xây dựng chỉ dẫn địa lý cho sản phẩm {product}",
    "Sản phẩm OCOP {product} đạt {stars}", "Tập huấn sở hữu trí tuệ cho doanh nghiệp {place}",
    "Quản lý và phát triển nhãn hiệu tập thể {product}", "Hỗ trợ chủ thể OCOP đăng ký bảo hộ sở hữu trí tuệ năm {year}",
    "Xử lý vi phạm quyền sở hữu công nghiệp tại {place}", "Đánh giá, phân hạng sản phẩm OCOP đợt {n} năm {year}",
  ],
  "doi-moi-sang-tao-khoi-nghiep": [
    "Cuộc thi Khởi nghiệp đổi mới sáng tạo tỉnh lần thứ {n}", "Ngày hội khởi nghiệp đổi mới sáng tạo {year}",
    "Kết nối cung cầu công nghệ: {n} giải pháp được giới thiệu tại {place}", "Hỗ trợ doanh nghiệp {place} đổi mới công nghệ, nâng cao năng suất",
    "Techfest {year}: dự án {topic} đoạt giải", "Vườn ươm khởi nghiệp tiếp nhận {n} dự án mới năm {year}",
    "Đào tạo kỹ năng khởi nghiệp cho thanh niên {place}", "Sinh viên khởi nghiệp với {product}",
  ],
  "chuyen-doi-so": [
    "Triển khai {digital} tại {place}", "Chuyển đổi số cấp xã: {place} thí điểm {digital}", "Hội nghị chuyển đổi số tỉnh năm {year}",
    "Ngày Chuyển đổi số quốc gia 10/10: phát huy {digital}", "Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng {place}",
    "Đánh giá mức độ chuyển đổi số các sở, ngành năm {year}", "Ứng dụng {digital} trong quản lý {field}",
  ],
  "van-ban-chinh-sach": [
    "Quyết định số {big}/QĐ-UBND về {policy}", "Nghị định số {num}/{year}/NĐ-CP quy định chi tiết Luật {law}",
    "Thông tư số {n}/{year}/TT-BKHCN hướng dẫn {policy}", "Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm {year}",
    "Hướng dẫn xây dựng kế hoạch KH&CN năm {year}", "Luật {law} có hiệu lực: những điểm mới", "Quy định mới về {policy}",
  ],
  "thong-bao": [
    "Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ KH&CN năm {year}", "Thông báo lịch tiếp công dân tháng {month}/{year}",
    "Thông báo đề xuất đặt hàng nhiệm vụ KH&CN cấp tỉnh năm {year}", "Thông báo kết quả xét tuyển viên chức năm {year}",
    "Thông báo nghỉ {holiday} năm {year}", "Thông báo mời báo giá {item}", "Thông báo danh mục nhiệm vụ KH&CN đặt hàng từ năm {year}",
  ],
};

/** Sentences by category slug; "*" are shared by all. */
const SENTENCES: Record<string, string[]> = {
  "*": [
    "Sau lễ khai mạc, các đại biểu đi tham quan gian trưng bày sản phẩm và trao đổi trực tiếp với các nhóm tác giả.",
    "Ghi nhận tại {place} cho thấy người dân rất phấn khởi, tích cực tham gia và mong muốn được tiếp tục hỗ trợ.",
    "Năm {year}, thời tiết diễn biến phức tạp, mưa lũ kéo dài đã ảnh hưởng không nhỏ đến tiến độ thực hiện.",
    "Nhân dịp này, {n} tập thể và {n} cá nhân có thành tích xuất sắc được tặng Bằng khen, Giấy khen.",
    "Theo ông {name}, điều quan trọng nhất là phải xuất phát từ nhu cầu thực tế của cơ sở và của thị trường.",
    "Đoàn cũng lưu ý đơn vị cần lưu trữ đầy đủ hồ sơ, chứng từ và công khai minh bạch các khoản kinh phí.",
    "Lãnh đạo địa phương cam kết bố trí mặt bằng, nhân lực đối ứng để bảo đảm duy trì mô hình sau khi kết thúc dự án.",
    "Chương trình được truyền hình trực tiếp và phát lại trên sóng phát thanh của tỉnh vào tối cùng ngày.",
    "Bên lề sự kiện, ban tổ chức đã ký kết biên bản ghi nhớ hợp tác giai đoạn {year} - 2030 với {org}.",
    "Dù còn không ít khó khăn về nguồn lực, đội ngũ cán bộ trẻ đã chủ động học hỏi, vươn lên hoàn thành nhiệm vụ.",
    "Tham dự có {person}, đại diện lãnh đạo {org} cùng các phòng, đơn vị trực thuộc.",
    "Phát biểu tại buổi làm việc, {person} đánh giá cao sự phối hợp chặt chẽ giữa các đơn vị trong thời gian qua.",
    "Theo báo cáo của {org}, năm {year} toàn tỉnh có {n} nhiệm vụ KH&CN được triển khai, trong đó {n} nhiệm vụ đã được nghiệm thu.",
    "Các đại biểu đã tập trung thảo luận, làm rõ những kết quả đạt được, những tồn tại, hạn chế và nguyên nhân.",
    "Kết quả nghiên cứu đã được chuyển giao cho {n} hộ dân và {n} hợp tác xã tại {place}, mang lại hiệu quả kinh tế rõ rệt.",
    "Tỷ lệ hồ sơ được giải quyết đúng hạn đạt {pct}, cao hơn cùng kỳ năm trước.",
    "Sở KH&CN sẽ tiếp tục phối hợp với {org} để tháo gỡ khó khăn, vướng mắc cho doanh nghiệp và người dân.",
    "Kinh phí thực hiện từ nguồn sự nghiệp khoa học của tỉnh là {big} triệu đồng.",
    "Buổi làm việc diễn ra trong không khí cởi mở, thẳng thắn và mang tính xây dựng.",
    "Nhiều ý kiến đề nghị tăng cường ứng dụng tiến bộ kỹ thuật vào sản xuất, gắn nghiên cứu với nhu cầu thực tiễn của địa phương.",
    "Đến nay, {pct} cán bộ, công chức của Sở đã sử dụng thành thạo các phần mềm dùng chung.",
    "Ông {name} cho biết, đơn vị đã chủ động xây dựng kế hoạch và phân công nhiệm vụ cụ thể cho từng bộ phận.",
    "Bà {name}, đại diện {org}, đề xuất cần có cơ chế hỗ trợ kinh phí phù hợp hơn cho các dự án ứng dụng.",
    "Hoạt động này góp phần thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh và kế hoạch phát triển kinh tế - xã hội năm {year}.",
    "Trong năm, Sở đã tổ chức {n} lớp tập huấn với hơn {big} lượt người tham gia.",
    "Thông tin chi tiết được đăng tải trên Cổng thông tin điện tử của Sở và gửi đến các cơ quan, đơn vị liên quan.",
    "Qua kiểm tra, đoàn đánh giá các đơn vị đã chấp hành tương đối tốt các quy định của pháp luật.",
    "Đây là kết quả của sự nỗ lực, quyết tâm cao của tập thể cán bộ, viên chức và người lao động toàn ngành.",
    "Kết thúc hội nghị, {person} yêu cầu các phòng, đơn vị khẩn trương triển khai các nhiệm vụ trọng tâm đã đề ra.",
    "Dự kiến trong năm tới, tỉnh sẽ ưu tiên đặt hàng các nhiệm vụ phục vụ trực tiếp sản xuất và đời sống tại {place}.",
  ],
  "hoat-dong-khcn": [
    "Thời gian thực hiện đề tài từ tháng {month} năm {year}, với tổng kinh phí gần {big} triệu đồng.",
    "Sản phẩm của đề tài gồm bộ tài liệu hướng dẫn, {n} bài báo khoa học và một mô hình trình diễn tại {place}.",
    "Các thành viên hội đồng góp ý nhóm tác giả bổ sung số liệu điều tra, chỉnh sửa báo cáo tổng hợp.",
    "Hiện nay, giống mới đã được nhân rộng trên diện tích {big} héc-ta, cho thu nhập cao hơn giống cũ.",
    "Viện và Sở thống nhất phối hợp đào tạo thạc sĩ, tiến sĩ cho đội ngũ cán bộ khoa học của tỉnh.",
    "Trạm thực nghiệm tại {place} được đầu tư nhà lưới, hệ thống tưới nhỏ giọt và phòng nuôi cấy.",
    "Hội thảo nhận được {n} tham luận của các nhà quản lý, nhà khoa học trong và ngoài tỉnh.",
    "Kết quả điều tra, khảo sát là cơ sở quan trọng để tỉnh hoạch định chính sách phát triển vùng nguyên liệu.",
    "Đề tài do {org} chủ trì thực hiện trong {n} tháng, với sự tham gia của nhiều nhà khoa học đầu ngành.",
    "Hội đồng nghiệm thu đánh giá đề tài {topic} đạt loại khá, có giá trị thực tiễn cao.",
    "Mô hình thí điểm tại {place} cho năng suất tăng {pct} so với phương pháp truyền thống.",
    "Nhóm nghiên cứu đã xây dựng quy trình kỹ thuật và tổ chức đào tạo cho {n} kỹ thuật viên cơ sở.",
    "Hội đồng KH&CN tỉnh đã xem xét {n} đề xuất đặt hàng, lựa chọn những nhiệm vụ cấp thiết nhất.",
  ],
  "tieu-chuan-do-luong-chat-luong": [
    "Qua lấy mẫu thử nghiệm, {n} mẫu xăng dầu đều đạt chỉ tiêu chất lượng theo quy chuẩn kỹ thuật quốc gia.",
    "Đoàn đã lập biên bản, tạm dừng sử dụng {n} {device} không có dấu kiểm định hoặc hết hiệu lực.",
    "Phòng thử nghiệm của Trung tâm được công nhận phù hợp tiêu chuẩn ISO/IEC 17025 với {n} phép thử.",
    "Người tiêu dùng có thể kiểm tra khối lượng hàng hóa tại các điểm cân đối chứng đặt ở chợ trung tâm.",
    "Chi cục khuyến cáo các cơ sở kinh doanh vàng trang sức định kỳ hiệu chuẩn cân phân tích.",
    "Nhãn hàng hóa phải ghi đầy đủ tên hàng, xuất xứ, định lượng, ngày sản xuất và hạn sử dụng.",
    "Chương trình năng suất chất lượng giai đoạn {year} - 2030 đặt mục tiêu {n} doanh nghiệp áp dụng công cụ cải tiến.",
    "Đến nay, tỉnh đã công bố {n} tiêu chuẩn cơ sở cho các sản phẩm đặc sản địa phương.",
    "Đoàn kiểm tra của Chi cục Tiêu chuẩn Đo lường Chất lượng đã kiểm tra {n} cơ sở kinh doanh xăng dầu tại {place}.",
    "Trong năm, Chi cục đã kiểm định {big} phương tiện đo, trong đó có {big} {device}.",
    "Kết quả kiểm tra cho thấy sai số của các {device} đều nằm trong giới hạn cho phép.",
    "Doanh nghiệp áp dụng {standard} đã giảm được {pct} chi phí sản xuất và nâng cao chất lượng sản phẩm.",
    "Công tác quản lý đo lường, chất lượng góp phần bảo vệ quyền lợi người tiêu dùng và môi trường kinh doanh lành mạnh.",
  ],
  "so-huu-tri-tue": [
    "Nhãn hiệu chứng nhận do Ủy ban nhân dân {place} quản lý, cấp quyền sử dụng cho các hộ đủ điều kiện.",
    "Sau khi có nhãn hiệu, giá bán {product} tăng khoảng {pct} và được nhiều siêu thị nhận phân phối.",
    "Tỉnh hiện có {n} chỉ dẫn địa lý và nhãn hiệu chứng nhận, {n} nhãn hiệu tập thể được bảo hộ.",
    "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh đã chấm điểm {n} sản phẩm của {n} chủ thể.",
    "Nhiều cơ sở sản xuất nhỏ lẻ chưa quan tâm đăng ký nhãn hiệu, dẫn đến bị làm nhái, làm giả.",
    "Giải pháp hữu ích về thiết bị bóc vỏ lạc của nông dân {place} đã được cấp bằng độc quyền.",
    "Bao bì mới của {product} in mã QR giúp khách hàng truy xuất vùng trồng, cơ sở chế biến.",
    "Lớp tập huấn cung cấp kiến thức về sáng chế, kiểu dáng công nghiệp, quyền tác giả và bí mật kinh doanh.",
    "Sản phẩm {product} đã được Cục Sở hữu trí tuệ cấp giấy chứng nhận đăng ký nhãn hiệu.",
    "Toàn tỉnh hiện có {n} sản phẩm OCOP đạt từ 3 sao trở lên, trong đó {product} là sản phẩm tiêu biểu.",
    "Việc xác lập quyền sở hữu trí tuệ giúp nâng cao giá trị và sức cạnh tranh của {product} trên thị trường.",
    "Các chủ thể OCOP được hướng dẫn xây dựng hồ sơ, bao bì, tem truy xuất nguồn gốc cho sản phẩm.",
    "Quy chế quản lý nhãn hiệu tập thể quy định rõ điều kiện sử dụng, trách nhiệm của các thành viên.",
  ],
  "doi-moi-sang-tao-khoi-nghiep": [
    "Ban giám khảo gồm các chuyên gia đầu tư, giảng viên đại học và doanh nhân thành đạt.",
    "Nhóm sinh viên đã chế tạo robot giao hàng trong khuôn viên trường với chi phí thấp.",
    "Quỹ phát triển KH&CN của tỉnh cho vay ưu đãi {n} dự án đổi mới công nghệ với lãi suất 0%.",
    "Không gian làm việc chung tại {place} mở cửa miễn phí cho các nhóm khởi nghiệp trong 6 tháng đầu.",
    "Từ một xưởng nhỏ, doanh nghiệp đã xuất khẩu lô hàng đầu tiên sang Nhật Bản và Hàn Quốc.",
    "Nhiều ý tưởng xuất phát từ chính khó khăn của người nông dân, ngư dân vùng bãi ngang.",
    "Các startup được kết nối với mạng lưới cố vấn khởi nghiệp quốc gia và các vườn ươm trong nước.",
    "Chỉ số đổi mới sáng tạo cấp địa phương PII năm {year} của tỉnh xếp thứ {n} cả nước.",
    "Cuộc thi thu hút {n} dự án khởi nghiệp đổi mới sáng tạo từ học sinh, sinh viên và doanh nghiệp trẻ.",
    "Dự án đạt giải nhất ứng dụng công nghệ vào chế biến {product}, tạo việc làm cho {n} lao động địa phương.",
    "Hệ sinh thái khởi nghiệp đổi mới sáng tạo của tỉnh từng bước hình thành với sự tham gia của nhiều chủ thể.",
    "Các dự án được tư vấn hoàn thiện mô hình kinh doanh, kết nối với nhà đầu tư và quỹ hỗ trợ.",
    "Sự kiện là dịp để các startup giới thiệu sản phẩm, trao đổi kinh nghiệm và tìm kiếm cơ hội hợp tác.",
  ],
  "chuyen-doi-so": [
    "Người dân chỉ cần điện thoại thông minh để nộp hồ sơ, theo dõi tiến độ và nhận kết quả qua mạng.",
    "Hạ tầng cáp quang đã phủ đến {pct} thôn, bản, kể cả vùng sâu, vùng xa, miền núi.",
    "Cơ sở dữ liệu dân cư được khai thác để giảm giấy tờ, thủ tục cho người dân và doanh nghiệp.",
    "Các hộ kinh doanh tại chợ {place} đã chuyển sang thanh toán bằng mã QR, ví điện tử.",
    "Trung tâm giám sát an toàn thông tin đã ngăn chặn {big} lượt tấn công vào hệ thống của tỉnh.",
    "Học sinh, giáo viên được trang bị kỹ năng sử dụng nền tảng học tập trực tuyến an toàn.",
    "Bệnh viện triển khai bệnh án điện tử, giảm thời gian chờ khám cho người bệnh.",
    "Tổ công nghệ số cộng đồng đến từng nhà hướng dẫn cài đặt ứng dụng định danh điện tử VNeID.",
    "Tỉnh đã triển khai {digital} tới {n} xã, phường, với {pct} hồ sơ được xử lý trực tuyến.",
    "Tổ công nghệ số cộng đồng tại {place} hướng dẫn người dân cài đặt và sử dụng các ứng dụng thiết yếu.",
    "Chuyển đổi số được xác định là nhiệm vụ trọng tâm, xuyên suốt, gắn với cải cách hành chính.",
    "Việc ứng dụng {digital} giúp rút ngắn thời gian xử lý công việc và tiết kiệm chi phí.",
    "Chỉ số chuyển đổi số cấp tỉnh năm {year} tăng {n} bậc so với năm trước.",
  ],
  "van-ban-chinh-sach": [
    "Đối tượng áp dụng là cơ quan, tổ chức, cá nhân tham gia hoạt động KH&CN trên địa bàn tỉnh.",
    "Mức hỗ trợ tối đa không quá {n}% tổng kinh phí, nhưng không vượt {big} triệu đồng cho mỗi dự án.",
    "Văn bản thay thế Quyết định số {big}/QĐ-UBND ngày {n} tháng {month} năm {year}.",
    "Điều khoản chuyển tiếp quy định các nhiệm vụ đã phê duyệt trước ngày văn bản có hiệu lực tiếp tục thực hiện theo quy định cũ.",
    "Chế độ báo cáo định kỳ được thực hiện trước ngày 15 tháng 12 hằng năm qua hệ thống thông tin báo cáo.",
    "Hồ sơ đề nghị hỗ trợ gồm đơn đề nghị, thuyết minh dự án và các tài liệu chứng minh năng lực.",
    "Nghị quyết xác định khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu.",
    "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Sở KH&CN để tổng hợp, báo cáo.",
    "Văn bản quy định chi tiết về {policy}, có hiệu lực từ ngày ký ban hành.",
    "Luật {law} có nhiều điểm mới quan trọng, tạo hành lang pháp lý thuận lợi cho hoạt động KH&CN.",
    "Các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành văn bản này.",
    "Ủy ban nhân dân tỉnh giao Sở KH&CN chủ trì, phối hợp với {org} hướng dẫn, kiểm tra việc thực hiện.",
    "Toàn văn văn bản được đăng tải tại chuyên mục Văn bản - Chính sách để các đơn vị tiện tra cứu.",
  ],
  "thong-bao": [
    "Thời gian tiếp công dân vào sáng thứ Năm tuần thứ hai hằng tháng tại trụ sở Sở.",
    "Ứng viên trúng tuyển hoàn thiện hồ sơ và nhận quyết định tuyển dụng trong thời hạn 30 ngày.",
    "Báo giá gửi trực tiếp hoặc qua đường bưu điện, ghi rõ đơn giá, thời gian giao hàng và bảo hành.",
    "Cán bộ, công chức được nghỉ {n} ngày liên tục; các đơn vị bố trí trực bảo đảm an ninh, an toàn cơ quan.",
    "Danh sách thí sinh đủ điều kiện dự tuyển được niêm yết công khai tại bảng tin của Sở.",
    "Đề xuất đặt hàng cần nêu rõ tính cấp thiết, mục tiêu, sản phẩm dự kiến và địa chỉ ứng dụng.",
    "Hội đồng tư vấn sẽ họp đánh giá hồ sơ vào tuần cuối tháng {month}.",
    "Thông báo này thay thế cho thông báo đã đăng trước đó.",
    "Hồ sơ gửi về Văn phòng Sở KH&CN trước 17 giờ ngày {n} tháng {month} năm {year}.",
    "Tổ chức, cá nhân có nhu cầu liên hệ Phòng Quản lý Khoa học để được hướng dẫn chi tiết.",
    "Danh mục nhiệm vụ kèm theo thông báo này được đăng tải trên Cổng thông tin điện tử của Sở.",
    "Sở KH&CN trân trọng thông báo để các tổ chức, cá nhân biết và tham gia.",
    "Mọi thắc mắc xin liên hệ số điện thoại 0232 3822 615 trong giờ hành chính.",
  ],
};

const HEADINGS = [
  "Kết quả đạt được", "Nội dung chính", "Những khó khăn, vướng mắc", "Nhiệm vụ, giải pháp thời gian tới", "Ý kiến của các đại biểu",
  "Kiến nghị, đề xuất", "Tổ chức thực hiện", "Một số chỉ tiêu chủ yếu", "Đối tượng và phạm vi áp dụng", "Hiệu quả bước đầu",
];

const BULLETS = [
  "Hoàn thành {n} nhiệm vụ KH&CN cấp tỉnh, {n} nhiệm vụ cấp cơ sở.", "Hỗ trợ {n} doanh nghiệp áp dụng {standard}.",
  "Kiểm định {big} {device} phục vụ quản lý nhà nước.", "Hướng dẫn {n} chủ thể đăng ký bảo hộ nhãn hiệu cho {product}.",
  "Triển khai {digital} tại {place}.", "Tổ chức {n} lớp tập huấn {training}.", "Phối hợp với {org} kiểm tra {n} cơ sở.",
  "Tỷ lệ hồ sơ trực tuyến toàn trình đạt {pct}.", "Chuyển giao kết quả nghiên cứu {topic}.", "Rà soát, đề xuất sửa đổi quy định về {policy}.",
];

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** Vietnam wall-clock parts of an instant. */
function vietnam(ms: number): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const d = new Date(ms + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), weekday: d.getUTCDay() };
}

const editorDate = (ms: number, withTime = true) => {
  const v = vietnam(ms);
  return `${pad(v.day)}/${pad(v.month)}/${v.year}` + (withTime ? ` ${pad(v.hour)}:${pad(v.minute)}` : "");
};

/** Vietnam midnight of the day containing `ms`. */
const vietnamMidnight = (ms: number) => Math.floor((ms + VN_OFFSET_MS) / DAY_MS) * DAY_MS - VN_OFFSET_MS;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const yamlString = (text: string) => JSON.stringify(text);

interface Planned {
  title: string;
  slug: string;
  ms: number;
  category: (typeof site.categories)[number];
}

/** Writes the corpus and describes it. */
export async function generateCorpus({ dir, articles, seed = 1, now = new Date() }: CorpusOptions): Promise<Corpus> {
  const d = new Dice(mulberry32(seed));
  const end = vietnamMidnight(now.getTime());
  const span = 15 * 365;
  const categories = site.categories;
  const taken = new Set<string>();

  const knownYear = vietnam(end).year - 1;
  const knownTitle = `Hội nghị tổng kết đo lường chất lượng năm ${knownYear}`;
  const knownSlug = slugify(knownTitle);
  taken.add(knownSlug);
  const knownIndex = Math.floor(articles / 2);

  // First pass: titles, slugs and dates, so bodies can link to any article.
  const planned: Planned[] = [];
  for (let i = 0; i < articles; i++) {
    if (i === knownIndex) {
      const category = categories.find((c) => c.slug === "tieu-chuan-do-luong-chat-luong")!;
      planned.push({ title: knownTitle, slug: knownSlug, ms: Date.UTC(knownYear, 11, 18, 8 - 7, 30), category });
      continue;
    }
    // A working day and hour within the last 15 years, ending yesterday.
    const ms = end - d.int(1, span) * DAY_MS + d.int(7, 17) * 3_600_000 + d.int(0, 59) * 60_000;
    const category = d.pick(categories);
    const title = fill(d.pick(TITLES[category.slug]!), d, vietnam(ms).year).normalize("NFC");
    const base = slugify(title);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    planned.push({ title, slug, ms, category });
  }

  const root = path.join(dir, FOLDERS.articles);
  const years = new Set(planned.map((p) => vietnam(p.ms).year));
  await Promise.all([...years].map((y) => mkdir(path.join(root, String(y)), { recursive: true })));

  let totalWords = 0;
  let known: KnownArticle | undefined;
  const writes: Promise<void>[] = [];
  for (let i = 0; i < planned.length; i++) {
    const p = planned[i]!;
    const year = vietnam(p.ms).year;
    const body = articleBody(d, p, planned, year);
    totalWords += words(body);
    const front = [
      "---",
      `title: ${yamlString(p.title)}`,
      `date: "${editorDate(p.ms)}"`,
      `category: ${yamlString(p.category.name)}`,
      `source: ${yamlString(d.pick(ORGS))}`,
    ];
    if (d.chance(0.6)) front.push(`summary: ${yamlString(fill(d.pick(SENTENCES[p.category.slug]!), d, year))}`);
    front.push(`tags: [${d.some(["KH&CN", "hội nghị", "OCOP", "đo lường", "chuyển đổi số", "khởi nghiệp", "sở hữu trí tuệ", "nghiệm thu", "tập huấn"], d.int(1, 3)).join(", ")}]`);
    // Editors flag recent news more often than old news.
    const recent = end - p.ms < 365 * DAY_MS;
    if (d.chance(recent ? 0.1 : 0.02)) front.push("hot: true");
    if (d.chance(recent ? 0.06 : 0.01)) front.push("featured: true");
    front.push("---", "", "");
    const file = path.join(root, String(year), `${p.slug}.md`);
    writes.push(writeFile(file, (front.join("\n") + body).normalize("NFC")));
    if (writes.length >= 64) await Promise.all(writes.splice(0));
    if (i === knownIndex) known = { title: p.title, slug: p.slug, url: `/tin-tuc/${p.slug}/`, category: p.category.name, file };
  }
  await Promise.all(writes);

  const pages = await writePages(dir);
  const schedule = await writeSchedule(dir, d, end);
  return { dir, articles, pages, schedule, words: totalWords, seed, known: known! };
}

/** 400–900 words: a lead, sections with ## headings, a bullet list, links to other articles and /gioi-thieu/. */
function articleBody(d: Dice, p: Planned, planned: Planned[], year: number): string {
  // A shuffled deck: no sentence repeats before the whole bank is used.
  const shared = SENTENCES["*"]!;
  const bank = [...SENTENCES[p.category.slug]!, ...d.some(shared, Math.ceil(shared.length / 3))];
  let deck: string[] = [];
  const sentence = () => {
    if (!deck.length) deck = d.some(bank, bank.length);
    return fill(deck.pop()!, d, year);
  };
  const related = () => {
    const other = planned[d.int(0, planned.length - 1)]!;
    return other === p ? undefined : other;
  };
  const target = d.int(420, 800);
  const blocks: string[] = [];
  let count = 0;
  const add = (text: string) => {
    blocks.push(text);
    count += words(text);
  };

  add(`${p.title}. ${sentence()} ${sentence()} ${sentence()}`);
  const headings = d.some(HEADINGS, 6);
  let section = 0;
  let listed = false;
  while (count < target) {
    if (section < headings.length && blocks.length % 3 === 1) add(`## ${headings[section++]}`);
    if (!listed && blocks.length > 3) {
      add(d.some(BULLETS, d.int(3, 6)).map((b) => `- ${fill(b, d, year)}`).join("\n"));
      listed = true;
      continue;
    }
    const sentences = [sentence(), sentence()];
    while (count + words(sentences.join(" ")) < target && sentences.length < 5) sentences.push(sentence());
    const link = d.chance(0.3) ? related() : undefined;
    if (link) sentences.push(`Xem thêm bài [${link.title}](${`/tin-tuc/${link.slug}/`}).`);
    add(sentences.join(" "));
  }
  const link = related();
  add(
    (link ? `Tin liên quan: [${link.title}](/tin-tuc/${link.slug}/). ` : "") +
      "Thông tin về chức năng, nhiệm vụ của Sở xem tại trang [Giới thiệu](/gioi-thieu/).",
  );
  return blocks.join("\n\n") + "\n";
}

async function writePages(dir: string): Promise<number> {
  const folder = path.join(dir, FOLDERS.pages);
  await mkdir(folder, { recursive: true });
  await writeFile(
    path.join(folder, "gioi-thieu.md"),
    `---
title: "Giới thiệu"
summary: "Sở Khoa học và Công nghệ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh."
---

Sở Khoa học và Công nghệ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu quản lý nhà nước về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; tiêu chuẩn, đo lường, chất lượng; sở hữu trí tuệ.

## Cơ cấu tổ chức

- Văn phòng
- Thanh tra
- Phòng Quản lý Khoa học
- Phòng Quản lý Công nghệ và Chuyển đổi số
- Chi cục Tiêu chuẩn Đo lường Chất lượng
- Trung tâm Ứng dụng và Thống kê KH&CN
`,
  );
  await writeFile(
    path.join(folder, "lien-he.md"),
    `---
title: "Liên hệ"
---

Sở Khoa học và Công nghệ, số 15 đường Lê Lợi. Điện thoại: 0232 3822 615. Thư điện tử: sokhcn@example.gov.vn.
`,
  );
  return 2;
}

/** Ten schedule entries on the working days of this week and last week. */
async function writeSchedule(dir: string, d: Dice, end: number): Promise<number> {
  const folder = path.join(dir, FOLDERS.schedule);
  await mkdir(folder, { recursive: true });
  const items = ["Họp giao ban Ban Giám đốc Sở", "Hội đồng nghiệm thu đề tài {topic}", "Kiểm tra đo lường {device} tại {place}", "Làm việc với {org}", "Hội thảo {digital}"];
  let written = 0;
  for (let back = 13; back >= 0 && written < 10; back--) {
    const ms = end - back * DAY_MS + 8 * 3_600_000;
    const v = vietnam(ms);
    if (v.weekday === 0 || v.weekday === 6) continue;
    const session = d.chance(0.5) ? "sáng" : "chiều";
    const text = fill(d.pick(items), d, v.year);
    await writeFile(
      path.join(folder, `${v.year}-${pad(v.month)}-${pad(v.day)}-${session === "sáng" ? "sang" : "chieu"}-${slugify(text).slice(0, 40)}.md`),
      `---
date: "${editorDate(ms, false)}"
session: ${session}
time: "${session === "sáng" ? "08:00" : "14:00"}"
content: ${yamlString(text)}
location: "Phòng họp tầng 2, Sở KH&CN"
chair: ${yamlString(fill("{person}", d, v.year))}
---
`.normalize("NFC"),
    );
    written++;
  }
  return written;
}
