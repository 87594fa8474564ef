// The department's settings: data only. Imports stay type-only, so the edge function's bundle is this file alone.
import type { SiteSettings } from "./scripts/lib/site/settings.ts";

export const site = {
  name: "Sở Khoa học và Công nghệ",
  shortName: "Sở KH&CN",
  authority: "Ủy ban nhân dân tỉnh",
  url: "https://sokhcn.netlify.app",
  description: "Cổng thông tin điện tử Sở Khoa học và Công nghệ: tin hoạt động, văn bản, lịch công tác.",
  address: "Số 15 đường Lê Lợi, phường Trung tâm, tỉnh",
  phone: "0232 3822 615",
  email: "sokhcn@example.gov.vn",
  responsible: "Chịu trách nhiệm chính: Giám đốc Sở Khoa học và Công nghệ",
  categories: [
    { name: "Hoạt động KH&CN", slug: "hoat-dong-khcn", order: 1, description: "Tin hoạt động của Sở và các địa phương." },
    { name: "Tiêu chuẩn - Đo lường - Chất lượng", slug: "tieu-chuan-do-luong-chat-luong", order: 2 },
    { name: "Sở hữu trí tuệ", slug: "so-huu-tri-tue", order: 3 },
    { name: "Đổi mới sáng tạo - Khởi nghiệp", slug: "doi-moi-sang-tao-khoi-nghiep", order: 4 },
    { name: "Chuyển đổi số", slug: "chuyen-doi-so", order: 5 },
    { name: "Văn bản - Chính sách", slug: "van-ban-chinh-sach", order: 6 },
    { name: "Thông báo", slug: "thong-bao", order: 7 },
  ],
  menu: [
    { label: "Trang chủ", url: "/" },
    { label: "Giới thiệu", url: "/gioi-thieu/" },
    { label: "Hoạt động KH&CN", url: "/hoat-dong-khcn/" },
    { label: "Văn bản - Chính sách", url: "/van-ban-chinh-sach/" },
    { label: "Lịch công tác", url: "/lich-cong-tac/" },
    { label: "Lưu trữ", url: "/luu-tru/" },
    { label: "Tìm kiếm", url: "/tim-kiem/" },
    { label: "Liên hệ", url: "/lien-he/" },
  ],
  linkedWebsites: [
    { name: "Bộ Khoa học và Công nghệ", url: "https://www.most.gov.vn/" },
    { name: "Cổng Dịch vụ công quốc gia", url: "https://dichvucong.gov.vn/" },
    { name: "Cục Sở hữu trí tuệ", url: "https://ipvietnam.gov.vn/" },
    { name: "Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia", url: "https://tcvn.gov.vn/" },
    { name: "Cổng thông tin điện tử Chính phủ", url: "https://chinhphu.vn/" },
  ],
  // Headings of the sidebar and home-page blocks, as on the old portal; rename freely (e.g. hot: "Tin nổi bật").
  widgets: {
    search: "Tìm kiếm theo chuyên mục - nội dung - ngày tháng",
    hot: "Tin nóng",
    featured: "Tin tiêu điểm",
    schedule: "Lịch công tác",
    linkedWebsites: "Website liên kết",
    visits: "Thống kê truy cập",
  },
  counter: { endpoint: "/api/visits", initialTotal: 1941995, timeoutMs: 2000 },
  pageSize: 20,
  timeZone: "Asia/Ho_Chi_Minh",
} satisfies SiteSettings;
