// Kiosk UI strings.
#include "ui_text.h"

#include <array>
#include <map>

namespace etalase::kiosk {

namespace {


const Translation& translation(UiString id) {
  static const std::map<UiString, Translation> kTexts = {
      {UiString::TouchToExplore,
       {"Touch the screen to explore our products", "Sentuh layar untuk melihat produk kami",
        "Sentuh skrin untuk melihat produk kami", "触摸屏幕浏览我们的产品"}},
      {UiString::OurProducts, {"Our products", "Produk kami", "Produk kami", "我们的产品"}},
      {UiString::AllCategories, {"All", "Semua", "Semua", "全部"}},
      {UiString::From, {"by", "oleh", "oleh", "生产商"}},
      {UiString::NoPackTitle,
       {"No content pack yet", "Belum ada paket konten", "Tiada pakej kandungan lagi", "尚无内容包"}},
      {UiString::NoPackHint,
       {"Staff: copy a content pack to the kiosk to show your products here.",
        "Petugas: salin paket konten ke kios untuk menampilkan produk Anda di sini.",
        "Kakitangan: salin pakej kandungan ke kiosk untuk memaparkan produk anda di sini.",
        "工作人员：请将内容包复制到信息亭以在此展示产品。"}},
      {UiString::NoVideos,
       {"Welcome to our stand", "Selamat datang di stan kami", "Selamat datang ke gerai kami",
        "欢迎光临我们的展位"}},
      {UiString::Back, {"Back", "Kembali", "Kembali", "返回"}},
      {UiString::Price, {"Price", "Harga", "Harga", "价格"}},
      {UiString::MinimumOrder, {"Minimum order", "Pesanan minimum", "Pesanan minimum", "最小起订量"}},
      {UiString::CapacityPerMonth, {"Capacity per month", "Kapasitas per bulan", "Kapasiti sebulan", "月产能"}},
      {UiString::LeadTime, {"Lead time", "Waktu produksi", "Masa penghantaran", "交货期"}},
      {UiString::Days, {"days", "hari", "hari", "天"}},
      {UiString::HsCode, {"HS code", "Kode HS", "Kod HS", "HS编码"}},
      {UiString::Markets, {"Already sold to", "Sudah diekspor ke", "Sudah dijual ke", "已销往"}},
      {UiString::Materials, {"Materials", "Bahan", "Bahan", "材料"}},
      {UiString::Certified, {"Certified", "Bersertifikat", "Diperakui", "认证"}},
      {UiString::ScanToChat,
       {"Scan to chat on WhatsApp", "Pindai untuk chat WhatsApp", "Imbas untuk berbual di WhatsApp",
        "扫码WhatsApp联系"}},
      {UiString::ScanToVisit,
       {"Scan to visit our website", "Pindai untuk membuka situs kami", "Imbas untuk melawat laman web kami",
        "扫码访问我们的网站"}},
      {UiString::ScanToEmail,
       {"Scan to e-mail us", "Pindai untuk mengirim email", "Imbas untuk menghantar e-mel", "扫码发送电子邮件"}},
      {UiString::AboutProducer, {"About the producer", "Tentang produsen", "Tentang pengeluar", "关于生产商"}},
      {UiString::ProductsOfProducer, {"Products", "Produk", "Produk", "产品"}},
      {UiString::Video, {"Video", "Video", "Video", "视频"}},
      {UiString::Per, {"per", "per", "setiap", "每"}},
  };
  return kTexts.at(id);
}

}  // namespace

const char* translated(const Translation& t, const std::string& language) {
  if (language == "id") return t.id;
  if (language == "ms") return t.ms;
  if (language.rfind("zh", 0) == 0) return t.zh;
  return t.en;
}

const char* uiText(UiString id, const std::string& language) { return translated(translation(id), language); }

std::vector<std::string> allUiTexts(const std::vector<std::string>& languages) {
  std::vector<std::string> texts;
  for (const std::string& language : languages) {
    texts.push_back(languageName(language));
    for (int i = 0; i < kUiStringCount; ++i) texts.push_back(uiText(static_cast<UiString>(i), language));
  }
  return texts;
}

std::string languageName(const std::string& language) {
  if (language == "en") return "English";
  if (language == "id") return "Bahasa Indonesia";
  if (language == "ms") return "Bahasa Melayu";
  if (language == "zh") return "中文";
  if (language == "ar") return "العربية";
  return language;
}

}  // namespace etalase::kiosk
