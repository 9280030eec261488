// Country names from Debian's iso-codes: /usr/share/iso-codes/json/iso_3166-1.json for the codes
// and English names, the gettext catalogs iso_3166-1.mo for the translations (their msgids are the
// English "name", "common_name" and "official_name" strings). Read once, on first use, under one
// mutex; per language, the sorted list and the folded names for searching are built on first use.
#include "kiosk/locale/countries.h"

#include "kiosk/locale/mo_catalog.h"
#include "kiosk/locale/unicode_text.h"

#include <nlohmann/json.hpp>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/sortkey.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace etalase::kiosk {

namespace {

constexpr std::uintmax_t kMaxJsonBytes = 8u * 1024 * 1024;

struct Country {
  std::string code;
  std::string name;        // iso-codes' "name": "Korea, Republic of"
  std::string commonName;  // "South Korea", or empty
  std::string alpha3;      // "KOR", or empty
  std::string englishName() const { return commonName.empty() ? name : commonName; }
};

struct LanguageTable {
  std::vector<CountryEntry> sorted;  // by the collation of the language
  std::vector<std::string> foldedNames;
  std::vector<std::string> foldedEnglish;
  std::unordered_map<std::string, std::size_t> byCode;  // index into sorted
};

struct CountryData {
  std::mutex mutex;
  CountryDataPaths paths;
  bool loaded = false;
  std::vector<Country> countries;
  std::optional<std::string> problem;
  std::map<std::string, MoCatalog> catalogs;                       // by catalog directory name; empty if none
  std::map<std::string, std::unique_ptr<LanguageTable>> tables;  // by language as asked
};

CountryData& data() {
  static CountryData instance;
  return instance;
}

std::string upperCased(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::string lowerCased(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

bool isAlpha2(const std::string& code) {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

// The countries in iso-codes' JSON ({"3166-1": [{"alpha_2": "AF", "name": ...}, ...]}); nothing when
// the file is missing or not that shape. Entries without a usable code or name are skipped.
std::optional<std::vector<Country>> loadIsoCodes(const std::filesystem::path& path) {
  auto bytes = readSmallFile(path, kMaxJsonBytes);
  if (!bytes) return std::nullopt;
  const nlohmann::json document = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) return std::nullopt;
  const auto list = document.find("3166-1");
  if (list == document.end() || !list->is_array()) return std::nullopt;
  std::vector<Country> countries;
  auto stringField = [](const nlohmann::json& entry, const char* key) -> std::string {
    const auto field = entry.find(key);
    if (field == entry.end() || !field->is_string()) return {};
    std::string value = field->get<std::string>();
    return text::isValidUtf8(value) ? value : std::string();
  };
  for (const nlohmann::json& entry : *list) {
    if (!entry.is_object()) continue;
    Country country{upperCased(stringField(entry, "alpha_2")), stringField(entry, "name"),
                    stringField(entry, "common_name"), upperCased(stringField(entry, "alpha_3"))};
    if (!isAlpha2(country.code) || country.name.empty()) continue;
    countries.push_back(std::move(country));
  }
  if (countries.empty()) return std::nullopt;
  return countries;
}

// Without iso-codes: ICU's list of ISO 3166 codes, each shown as its code.
std::vector<Country> codesFromIcu() {
  std::vector<Country> countries;
  for (const char* const* code = icu::Locale::getISOCountries(); code && *code; ++code) {
    const std::string alpha2 = *code;
    if (isAlpha2(alpha2)) countries.push_back({alpha2, alpha2, {}, {}});
  }
  return countries;
}

void loadLocked(CountryData& d) {
  if (d.loaded) return;
  d.loaded = true;
  if (auto countries = loadIsoCodes(d.paths.isoCodesJson)) {
    d.countries = std::move(*countries);
    d.problem.reset();
  } else {
    d.countries = codesFromIcu();
    d.problem = "country names unavailable (" + d.paths.isoCodesJson.string() +
                " missing or unreadable): countries are shown by their ISO code";
  }
}

// A language tag reduced to what may name a directory: letters, digits, '_' (from '-'); nothing else,
// so no tag can reach outside the locale directory.
bool parseTag(const std::string& language, std::string& primary, std::string& script, std::string& region) {
  if (language.empty() || language.size() > 35) return false;
  std::vector<std::string> parts(1);
  for (char c : language) {
    if (c == '-' || c == '_') {
      parts.emplace_back();
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      parts.back() += c;
    } else if (c == '.' || c == '@') {
      break;  // "id_ID.UTF-8", "sr@latin": the charset or modifier does not choose the catalog
    } else {
      return false;
    }
  }
  primary = lowerCased(parts[0]);
  if (primary.size() < 2 || primary.size() > 3) return false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].size() == 4 && script.empty()) {
      script = lowerCased(parts[i]);
    } else if ((parts[i].size() == 2 || parts[i].size() == 3) && region.empty()) {
      region = upperCased(parts[i]);
    }
  }
  return true;
}

// The catalog directories to try for a language, best first; none for English.
std::vector<std::string> catalogCandidates(const std::string& language) {
  std::string primary, script, region;
  if (!parseTag(language, primary, script, region) || primary == "en") return {};
  if (primary == "zh") {
    // iso-codes ships zh_CN (simplified), zh_TW and zh_HK (traditional); plain "zh" is simplified.
    if (region == "HK" || region == "MO") return {"zh_HK", "zh_TW"};
    if (region == "TW" || script == "hant") return {"zh_TW", "zh_HK"};
    return {"zh_CN"};
  }
  std::vector<std::string> candidates;
  if (!region.empty()) candidates.push_back(primary + "_" + region);
  candidates.push_back(primary);
  return candidates;
}

const MoCatalog* catalogLocked(CountryData& d, const std::string& language) {
  for (const std::string& name : catalogCandidates(language)) {
    auto it = d.catalogs.find(name);
    if (it == d.catalogs.end()) {
      auto catalog = readMoCatalog(d.paths.localeDir / name / "LC_MESSAGES" / "iso_3166-1.mo");
      it = d.catalogs.emplace(name, catalog ? std::move(*catalog) : MoCatalog{}).first;
    }
    if (!it->second.empty()) return &it->second;
  }
  return nullptr;
}

std::string localizedName(const Country& country, const MoCatalog* catalog) {
  if (catalog) {
    // The common name's translation reads as people expect ("Korea Selatan"); the formal name's
    // translation is still better than English where translators did only that one.
    if (!country.commonName.empty()) {
      if (auto it = catalog->find(country.commonName); it != catalog->end()) return it->second;
    }
    if (auto it = catalog->find(country.name); it != catalog->end()) return it->second;
  }
  return country.englishName();
}

std::unique_ptr<icu::Collator> collatorFor(const std::string& language) {
  std::string tag = language;
  std::replace(tag.begin(), tag.end(), '_', '-');
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus()) locale = icu::Locale::getRoot();
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status)) return nullptr;
  return collator;
}

const LanguageTable& tableLocked(CountryData& d, const std::string& language) {
  loadLocked(d);
  auto& slot = d.tables[language];
  if (slot) return *slot;
  slot = std::make_unique<LanguageTable>();
  LanguageTable& table = *slot;
  const MoCatalog* catalog = catalogLocked(d, language);
  for (const Country& country : d.countries) {
    table.sorted.push_back({country.code, localizedName(country, catalog), country.englishName()});
  }
  if (auto collator = collatorFor(language)) {
    // Sort keys once rather than comparing strings O(n log n) times.
    std::vector<std::pair<std::string, std::size_t>> keys;
    for (std::size_t i = 0; i < table.sorted.size(); ++i) {
      icu::UnicodeString name = icu::UnicodeString::fromUTF8(table.sorted[i].name);
      icu::CollationKey key;
      UErrorCode status = U_ZERO_ERROR;
      collator->getCollationKey(name, key, status);
      int32_t length = 0;
      const uint8_t* bytes = U_SUCCESS(status) ? key.getByteArray(length) : nullptr;
      keys.emplace_back(bytes ? std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length))
                              : table.sorted[i].name,
                        i);
    }
    std::stable_sort(keys.begin(), keys.end());
    std::vector<CountryEntry> sorted;
    sorted.reserve(keys.size());
    for (const auto& [key, index] : keys) sorted.push_back(std::move(table.sorted[index]));
    table.sorted = std::move(sorted);
  } else {
    std::stable_sort(table.sorted.begin(), table.sorted.end(),
                     [](const CountryEntry& a, const CountryEntry& b) { return a.name < b.name; });
  }
  for (std::size_t i = 0; i < table.sorted.size(); ++i) {
    table.foldedNames.push_back(text::foldForSearch(table.sorted[i].name));
    table.foldedEnglish.push_back(text::foldForSearch(table.sorted[i].englishName));
    table.byCode.emplace(table.sorted[i].code, i);
  }
  return table;
}

// 0: the name starts with the query; 1: a word in it does; 2: it contains the query; 3: no match.
int matchRank(const std::string& folded, const std::string& query) {
  const auto at = folded.find(query);
  if (at == std::string::npos) return 3;
  if (at == 0) return 0;
  for (auto pos = at; pos != std::string::npos; pos = folded.find(query, pos + 1)) {
    if (folded[pos - 1] == ' ') return 1;
  }
  return 2;
}

}  // namespace

std::string countryName(const std::string& isoAlpha2, const std::string& language) {
  const std::string code = upperCased(isoAlpha2);
  CountryData& d = data();
  std::lock_guard lock(d.mutex);
  const LanguageTable& table = tableLocked(d, language);
  if (auto it = table.byCode.find(code); it != table.byCode.end()) return table.sorted[it->second].name;
  return code;
}

std::vector<std::string> allCountryNames(const std::vector<std::string>& languages) {
  std::vector<std::string> names;
  CountryData& d = data();
  std::lock_guard lock(d.mutex);
  std::unordered_map<std::string, bool> seen;
  for (const std::string& language : languages) {
    for (const CountryEntry& entry : tableLocked(d, language).sorted) {
      // Many names are the same in several languages; the glyph loader needs each once.
      if (seen.emplace(entry.name, true).second) names.push_back(entry.name);
    }
  }
  return names;
}

std::vector<CountryEntry> allCountries(const std::string& language) {
  CountryData& d = data();
  std::lock_guard lock(d.mutex);
  return tableLocked(d, language).sorted;
}

std::vector<CountryEntry> searchCountries(const std::string& query, const std::string& language,
                                          std::size_t limit) {
  const std::string folded = text::foldForSearch(query);
  const std::string code = upperCased(query);
  CountryData& d = data();
  std::lock_guard lock(d.mutex);
  const LanguageTable& table = tableLocked(d, language);
  std::vector<std::pair<int, std::size_t>> matches;  // (rank, index in collation order)
  for (std::size_t i = 0; i < table.sorted.size(); ++i) {
    int rank = 0;
    if (!folded.empty()) {
      rank = std::min(matchRank(table.foldedNames[i], folded), matchRank(table.foldedEnglish[i], folded));
      if (code == table.sorted[i].code) rank = 0;  // "de" finds Germany first, with "Denmark"
    }
    if (rank < 3) matches.emplace_back(rank, i);
  }
  std::stable_sort(matches.begin(), matches.end());
  if (limit != 0 && matches.size() > limit) matches.resize(limit);
  std::vector<CountryEntry> result;
  result.reserve(matches.size());
  for (const auto& [rank, index] : matches) result.push_back(table.sorted[index]);
  return result;
}

bool isCountryCode(const std::string& isoAlpha2) {
  const std::string code = upperCased(isoAlpha2);
  CountryData& d = data();
  std::lock_guard lock(d.mutex);
  const LanguageTable& table = tableLocked(d, "en");
  return table.byCode.count(code) != 0;
}

std::string countryCodeForName(const std::string& nameOrCode) {
  const std::string folded = text::foldForSearch(nameOrCode);
  if (folded.empty()) return {};
  const std::string code = upperCased(folded);
  CountryData& d = data();
  std::lock_guard lock(d.mutex);
  loadLocked(d);
  for (const Country& country : d.countries) {
    if (country.code == code || (!country.alpha3.empty() && country.alpha3 == code)) return country.code;
  }
  for (const char* language : {"en", "id", "ms", "zh", "zh-TW", "ar"}) {
    const LanguageTable& table = tableLocked(d, language);
    for (std::size_t i = 0; i < table.sorted.size(); ++i) {
      if (table.foldedNames[i] == folded || table.foldedEnglish[i] == folded) return table.sorted[i].code;
    }
  }
  return {};
}

void setCountryDataPaths(const CountryDataPaths& paths) {
  CountryData& d = data();
  std::lock_guard lock(d.mutex);
  d.paths = paths;
  d.loaded = false;
  d.countries.clear();
  d.problem.reset();
  d.catalogs.clear();
  d.tables.clear();
}

std::optional<std::string> countryDataProblem() {
  CountryData& d = data();
  std::lock_guard lock(d.mutex);
  loadLocked(d);
  return d.problem;
}

}  // namespace etalase::kiosk
