#include "kiosk/leads/synthetic_leads.h"

#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "kiosk/leads/uuid.h"

namespace etalase::leads {

namespace {

struct Person {
  const char* name;
  const char* mailbox;  // the part of the e-mail before '@'
};

struct Market {
  const char* country;     // ISO alpha-2
  const char* dialPrefix;  // country code and the start of a mobile number
  int moreDigits;          // digits after the prefix
  const char* language;
  std::span<const Person> people;
  std::span<const char* const> companies;
  const char* domain;
};

constexpr Person kIndonesian[] = {{"Siti Nurhaliza Rahmawati", "siti.rahmawati"},
                                  {"Budi Santoso", "budi.santoso"},
                                  {"Dewi Lestari Wulandari", "dewi.lestari"},
                                  {"I Made Wirawan", "made.wirawan"}};
constexpr Person kMalaysian[] = {{"Ahmad Faizal bin Ismail", "faizal.ismail"},
                                 {"Nurul Aina binti Hassan", "nurulaina"},
                                 {"Tan Wei Ming", "weiming.tan"},
                                 {"Kavitha a/p Subramaniam", "kavitha.s"}};
constexpr Person kChinese[] = {
    {"王芳", "wang.fang"}, {"李明", "li.ming"}, {"张伟", "zhang.wei"}, {"陈静", "chen.jing"}};
constexpr Person kSingaporean[] = {
    {"Lim Mei Ling", "meiling.lim"}, {"陈美玲", "chen.meiling"}, {"Muhammad Hafiz", "hafiz.m"}};
constexpr Person kEmirati[] = {
    {"محمد العلي", "m.alali"}, {"Fatima Al Mansouri", "fatima.am"}, {"خالد الزعابي", "khalid.z"}};
constexpr Person kSaudi[] = {{"عبدالله القحطاني", "a.alqahtani"},
                             {"نورة الشمري", "noura.s"},
                             {"Faisal Al-Harbi", "faisal.harbi"}};
constexpr Person kRussian[] = {{"Иван Петров", "ivan.petrov"},
                               {"Анна Смирнова", "anna.smirnova"},
                               {"Дмитрий Кузнецов", "d.kuznetsov"}};
constexpr Person kAmerican[] = {{"Emily Johnson", "emily.johnson"},
                                {"Michael O'Brien", "mobrien"},
                                {"José García", "jose.garcia"}};

constexpr const char* kIdCompanies[] = {"PT Nusantara Dagang Jaya", "CV Sinar Abadi"};
constexpr const char* kMyCompanies[] = {"Syarikat Perdana Niaga Sdn Bhd",
                                        "Harmoni Trading Sdn Bhd"};
constexpr const char* kCnCompanies[] = {"广州华南进出口有限公司", "厦门海丝贸易有限公司"};
constexpr const char* kSgCompanies[] = {"Straits Living Pte Ltd", "Orchard Home Goods Pte Ltd"};
constexpr const char* kAeCompanies[] = {"شركة الخليج للتجارة العامة", "Dubai Craft Imports LLC"};
constexpr const char* kSaCompanies[] = {"مؤسسة النخبة التجارية", "Red Sea Foods Co."};
constexpr const char* kRuCompanies[] = {"ООО «Восток Импорт»", "ООО Тропик Трейд"};
constexpr const char* kUsCompanies[] = {"Harbor & Loom Imports Inc.", "Pacific Craft Supply LLC"};

constexpr Market kMarkets[] = {
    {"ID", "+628", 9, "id", kIndonesian, kIdCompanies, "gmail.com"},
    {"MY", "+601", 8, "ms", kMalaysian, kMyCompanies, "niaga.com.my"},
    {"CN", "+861", 10, "zh", kChinese, kCnCompanies, "163.com"},
    {"SG", "+659", 7, "en", kSingaporean, kSgCompanies, "straitsliving.sg"},
    {"AE", "+9715", 8, "ar", kEmirati, kAeCompanies, "gulftrade.ae"},
    {"SA", "+9665", 8, "ar", kSaudi, kSaCompanies, "nukhba.sa"},
    {"RU", "+79", 9, "ru", kRussian, kRuCompanies, "yandex.ru"},
    {"US", "+1415", 7, "en", kAmerican, kUsCompanies, "harborloom.com"},
};

// The demo pack's products (tools/make-demo-pack) and their producers.
struct Product {
  const char* id;
  const char* producer;
};
constexpr Product kProducts[] = {
    {"batik-tulis-lasem", "lasem-batik"},         {"snakeskin-handbag", "rembang-snakeskin"},
    {"stingray-leather-bag", "rembang-stingray"}, {"teak-root-table", "rembang-teakroot"},
    {"pamekasan-coffee", "pamekasan-kopi"},       {"lamongan-lobster", "lamongan-seafood"},
    {"bamboo-basket", "lamongan-bamboo"},         {"pekalongan-sarong", "pekalongan-sarong"},
};

constexpr const char* kBuyerTypes[] = {"importer", "distributor", "wholesaler",
                                       "retailer", "agent",       "other"};
constexpr const char* kOrderVolumes[] = {"trial order", "500 pcs", "1 x 20ft container / month",
                                         "2,000 kg / quarter", "100–300 pcs"};
constexpr const char* kMessages[] = {"",
                                     "Please send the price list and MOQ.",
                                     "Mohon kirim katalog dan harga FOB Surabaya.",
                                     "请发送报价和样品信息。",
                                     "نرغب في استيراد كميات كبيرة، يرجى التواصل.",
                                     "Интересует оптовая поставка, пришлите условия.",
                                     "Boleh hantar sampel ke Kuala Lumpur? 🙏"};
constexpr const char* kVisitorLanguages[] = {"en", "id", "zh", "ms"};
constexpr const char* kSources[] = {kSourceTyped, kSourceScannedKeyboard, kSourceScannedCamera};

}  // namespace

SyntheticLeads::SyntheticLeads(std::uint64_t seed, std::string deviceId)
    : m_random(seed), m_deviceId(std::move(deviceId)) {}

std::size_t SyntheticLeads::pick(std::size_t count) {
  return std::uniform_int_distribution<std::size_t>(0, count - 1)(m_random);
}

std::string SyntheticLeads::digits(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += static_cast<char>('0' + pick(10));
  return text;
}

Lead SyntheticLeads::next() {
  const Market& market = kMarkets[pick(std::size(kMarkets))];
  const Person& person = market.people[pick(market.people.size())];
  Lead lead;
  lead.uuid = newUuidV4();
  lead.deviceId = m_deviceId;
  lead.createdUtc = utcTimestamp(std::chrono::system_clock::now());
  lead.packId = "etalase-demo";
  const Product& product = kProducts[pick(std::size(kProducts))];
  lead.producerId = product.producer;
  lead.productIds.push_back(product.id);
  for (std::size_t more = pick(3); more > 0; --more) {
    const char* other = kProducts[pick(std::size(kProducts))].id;
    if (std::find(lead.productIds.begin(), lead.productIds.end(), other) == lead.productIds.end()) {
      lead.productIds.push_back(other);
    }
  }
  lead.name = person.name;
  lead.company = market.companies[pick(market.companies.size())];
  lead.countryCode = market.country;
  lead.email = fmt::format("{}{}@{}", person.mailbox, pick(100), market.domain);
  lead.phone = market.dialPrefix + digits(market.moreDigits);
  lead.buyerType = kBuyerTypes[pick(std::size(kBuyerTypes))];
  lead.orderVolume = kOrderVolumes[pick(std::size(kOrderVolumes))];
  lead.preferredLanguage = market.language;
  lead.message = kMessages[pick(std::size(kMessages))];
  lead.visitorLanguage = kVisitorLanguages[pick(std::size(kVisitorLanguages))];
  lead.consentGiven = true;
  lead.consentVersion = "2026-11-v1";
  lead.consentLanguage = lead.visitorLanguage;
  lead.source = kSources[pick(std::size(kSources))];
  if (lead.source != kSourceTyped) {
    lead.rawCard = fmt::format(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{}\r\nORG:{}\r\nEMAIL:{}\r\nTEL:{}\r\nEND:VCARD\r\n",
        lead.name, lead.company, lead.email, lead.phone);
  }
  return lead;
}

}  // namespace etalase::leads
