// The contact form's words.
#include "kiosk/screens/contact/form_text.h"

#include <array>
#include <map>

#include "kiosk/screens/ui_text.h"

namespace etalase::kiosk {

namespace {

constexpr std::array<Translation, static_cast<std::size_t>(FormString::Count)> kTranslation = {{
    {"Contact this producer", "Hubungi produsen ini", "Hubungi pengeluar ini", "联系该生产商"},
    {"Leave your contact", "Tinggalkan kontak Anda", "Tinggalkan maklumat hubungan anda", "留下您的联系方式"},
    {"required", "wajib", "wajib", "必填"},
    {"I agree that the producer and the stand's organiser keep these details to contact me about "
     "their products. I can ask for them to be deleted at any time.",
     "Saya setuju produsen dan penyelenggara stan menyimpan data ini untuk menghubungi saya tentang "
     "produk mereka. Saya dapat meminta data ini dihapus kapan saja.",
     "Saya bersetuju pengeluar dan penganjur gerai menyimpan maklumat ini untuk menghubungi saya "
     "tentang produk mereka. Saya boleh meminta maklumat ini dipadam pada bila-bila masa.",
     "我同意生产商及展位主办方保存以上信息，以便就其产品与我联系。我可随时要求删除这些信息。"},
    {"Send", "Kirim", "Hantar", "提交"},
    {"Cancel", "Batal", "Batal", "取消"},
    {"Saving...", "Menyimpan...", "Menyimpan...", "正在保存..."},
    {"Thank you!", "Terima kasih!", "Terima kasih!", "谢谢！"},
    {"The producer will contact you within a few days. Scan the code to reach them now.",
     "Produsen akan menghubungi Anda dalam beberapa hari. Pindai kode untuk menghubungi mereka sekarang.",
     "Pengeluar akan menghubungi anda dalam beberapa hari. Imbas kod untuk menghubungi mereka sekarang.",
     "生产商将在几天内与您联系。扫描二维码可立即联系他们。"},
    {"The stand's team will contact you within a few days.", "Tim stan akan menghubungi Anda dalam beberapa hari.",
     "Pasukan gerai akan menghubungi anda dalam beberapa hari.", "展位团队将在几天内与您联系。"},
    {"Keep this code", "Simpan kode ini", "Simpan kod ini", "保存此二维码"},
    {"Done", "Selesai", "Selesai", "完成"},
    {"Are you still there?", "Apakah Anda masih di sini?", "Anda masih di sini?", "您还在吗？"},
    {"The form will be cleared in %d s.", "Formulir akan dikosongkan dalam %d detik.",
     "Borang akan dikosongkan dalam %d saat.", "表单将在 %d 秒后清空。"},
    {"Continue", "Lanjutkan", "Teruskan", "继续填写"},
    {"Type to search", "Ketik untuk mencari", "Taip untuk mencari", "输入以搜索"},
    {"Please check the details read from your badge.", "Periksa data yang terbaca dari kartu Anda.",
     "Sila semak maklumat yang dibaca daripada kad anda.", "请核对从您的胸卡读取的信息。"},
    {"This code is not a contact card. Please type your details.",
     "Kode ini bukan kartu kontak. Silakan ketik data Anda.",
     "Kod ini bukan kad hubungan. Sila taip maklumat anda.", "此二维码不是名片。请手动填写。"},
    {"Please correct the marked fields.", "Perbaiki isian yang ditandai.", "Sila betulkan ruangan yang ditanda.",
     "请修改标出的项目。"},
    {"Scan your badge", "Pindai kartu Anda", "Imbas kad anda", "扫描胸卡"},
    {"Hold the QR code on your badge up to the camera.", "Arahkan kode QR pada kartu Anda ke kamera.",
     "Halakan kod QR pada kad anda ke kamera.", "请将胸卡上的二维码对准摄像头。"},
    {"Starting the camera...", "Menyalakan kamera...", "Menghidupkan kamera...", "正在启动摄像头..."},
    {"The camera is not working. Please type your details.", "Kamera tidak berfungsi. Silakan ketik data Anda.",
     "Kamera tidak berfungsi. Sila taip maklumat anda.", "摄像头无法使用。请手动填写。"},
    {"Type instead", "Ketik saja", "Taip sahaja", "手动填写"},
    {"This code is not a contact card. Try another code on your badge, or type your details.",
     "Kode ini bukan kartu kontak. Coba kode lain pada kartu Anda, atau ketik data Anda.",
     "Kod ini bukan kad hubungan. Cuba kod lain pada kad anda, atau taip maklumat anda.",
     "此二维码不是名片。请尝试胸卡上的其他二维码，或手动填写。"},
    {"Importer", "Importir", "Pengimport", "进口商"},
    {"Distributor", "Distributor", "Pengedar", "分销商"},
    {"Wholesaler", "Grosir", "Pemborong", "批发商"},
    {"Retailer", "Pengecer", "Peruncit", "零售商"},
    {"Agent", "Agen", "Ejen", "代理商"},
    {"Other", "Lainnya", "Lain-lain", "其他"},
}};

const std::map<Field, Translation>& labels() {
  static const std::map<Field, Translation> kLabels = {
      {Field::Name, {"Name", "Nama", "Nama", "姓名"}},
      {Field::Company, {"Company", "Perusahaan", "Syarikat", "公司"}},
      {Field::Country, {"Country", "Negara", "Negara", "国家"}},
      {Field::Email, {"Email", "Email", "E-mel", "电子邮件"}},
      {Field::Phone, {"Phone / WhatsApp", "Telepon / WhatsApp", "Telefon / WhatsApp", "电话 / WhatsApp"}},
      {Field::BuyerType, {"You are", "Anda adalah", "Anda ialah", "您的身份"}},
      {Field::Products, {"Products of interest", "Produk yang diminati", "Produk yang diminati", "感兴趣的产品"}},
      {Field::OrderVolume, {"Expected order volume", "Perkiraan volume pesanan", "Anggaran jumlah pesanan", "预计订单量"}},
      {Field::PreferredLanguage, {"Preferred language", "Bahasa pilihan", "Bahasa pilihan", "首选语言"}},
      {Field::Message, {"Message", "Pesan", "Mesej", "留言"}},
  };
  return kLabels;
}

const std::map<FieldProblem, Translation>& problems() {
  static const std::map<FieldProblem, Translation> kProblems = {
      {FieldProblem::Missing, {"Please fill this in.", "Harap diisi.", "Sila isi.", "请填写此项。"}},
      {FieldProblem::EmailOrPhoneMissing,
       {"Please give an email or a phone number.", "Isi email atau nomor telepon.", "Sila beri e-mel atau nombor telefon.",
        "请填写电子邮件或电话号码。"}},
      {FieldProblem::TooLong, {"This is too long.", "Terlalu panjang.", "Terlalu panjang.", "内容过长。"}},
      {FieldProblem::TooMany, {"Too many chosen.", "Terlalu banyak pilihan.", "Terlalu banyak pilihan.", "选择过多。"}},
      {FieldProblem::InvalidEmail,
       {"Please enter a valid email address.", "Masukkan alamat email yang benar.", "Sila masukkan alamat e-mel yang sah.",
        "请输入有效的电子邮件地址。"}},
      {FieldProblem::InvalidPhone,
       {"Please enter a valid phone number.", "Masukkan nomor telepon yang benar.", "Sila masukkan nombor telefon yang sah.",
        "请输入有效的电话号码。"}},
      {FieldProblem::PhoneNeedsCountry,
       {"Start with + and the country code, or choose your country.",
        "Awali dengan + dan kode negara, atau pilih negara Anda.",
        "Mulakan dengan + dan kod negara, atau pilih negara anda.", "请以 + 和国家代码开头，或先选择国家。"}},
      {FieldProblem::UnknownCountry, {"Please choose from the list.", "Pilih dari daftar.", "Sila pilih daripada senarai.",
                                      "请从列表中选择。"}},
      {FieldProblem::UnknownChoice, {"Please choose from the list.", "Pilih dari daftar.", "Sila pilih daripada senarai.",
                                     "请从列表中选择。"}},
      {FieldProblem::InvalidLanguage, {"Please choose from the list.", "Pilih dari daftar.", "Sila pilih daripada senarai.",
                                       "请从列表中选择。"}},
      {FieldProblem::ConsentMissing,
       {"Please tick the box to agree.", "Centang kotak untuk menyetujui.", "Sila tandakan kotak untuk bersetuju.",
        "请勾选以表示同意。"}},
  };
  return kProblems;
}

// The text of `key` in the table, or "" for a key it lacks.
template <typename Key>
const char* lookUp(const std::map<Key, Translation>& table, Key key, const std::string& language) {
  const auto it = table.find(key);
  return it == table.end() ? "" : translated(it->second, language);
}

}  // namespace

const char* formText(FormString id, const std::string& language) {
  return translated(kTranslation[static_cast<std::size_t>(id)], language);
}

const char* fieldLabel(Field field, const std::string& language) { return lookUp(labels(), field, language); }

const char* problemText(FieldProblem problem, const std::string& language) {
  return lookUp(problems(), problem, language);
}

std::string chatGreeting(const std::string& language, const std::string& about, const std::string& stand) {
  static const Translation kGreeting = {"Hello, I saw {} at the {} stand and would like to know more.",
                                  "Halo, saya melihat {} di stan {} dan ingin tahu lebih lanjut.",
                                  "Helo, saya melihat {} di gerai {} dan ingin tahu lebih lanjut.",
                                  "您好，我在{}展位看到了{}，想进一步了解。"};
  std::string text = translated(kGreeting, language);
  const bool chinese = language.rfind("zh", 0) == 0;  // the stand comes first in the Chinese sentence
  for (const std::string* part : chinese ? std::array{&stand, &about} : std::array{&about, &stand}) {
    if (const auto at = text.find("{}"); at != std::string::npos) text.replace(at, 2, *part);
  }
  return text;
}

std::vector<std::string> allFormTexts(const std::vector<std::string>& languages) {
  std::vector<std::string> texts;
  for (const std::string& language : languages) {
    for (int i = 0; i < static_cast<int>(FormString::Count); ++i) texts.emplace_back(formText(static_cast<FormString>(i), language));
    for (const auto& [problem, words] : problems()) texts.emplace_back(translated(words, language));
    for (const auto& [field, words] : labels()) texts.emplace_back(translated(words, language));
  }
  return texts;
}

}  // namespace etalase::kiosk
