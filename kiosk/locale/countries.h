// Country names in the kiosk's languages, from Debian's iso-codes (ISO 3166-1 and its gettext
// translations): for a product's export markets and for the contact form's searchable list.
// Loaded once, lazily; every function is thread-safe. With the data files missing, countries are
// shown by their code (the list of codes then comes from ICU) and nothing throws.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace etalase::kiosk {

struct CountryEntry {
  std::string code;         // ISO 3166-1 alpha-2, upper case: "KR"
  std::string name;         // in the asked language, English where it has no translation
  std::string englishName;  // iso-codes' common name where it has one: "South Korea", not "Korea, Republic of"
};

// The name of an ISO 3166 alpha-2 code (any case) in a language: "en", "id", "ms", "zh" (simplified
// Chinese; "zh-TW"/"zh-Hant" traditional), "ar", or any other with a catalog in iso-codes; languages
// without one get English. A code the data lacks comes back upper-cased, so the screen shows something.
std::string countryName(const std::string& isoAlpha2, const std::string& language);

// Every country name in these languages, each once (for loading exactly the glyphs shown).
std::vector<std::string> allCountryNames(const std::vector<std::string>& languages);

// Every country, sorted by its name in the language as a reader of it expects (ICU collation:
// "Österreich" among the O's in German, pinyin order for Chinese).
std::vector<CountryEntry> allCountries(const std::string& language);

// The countries a visitor's typing may mean, for the form's searchable list: the query matches the
// localized name, the English name or the code, ignoring case and accents ("cote" finds
// "Côte d'Ivoire", "turkiye" finds "Türkiye"). Names that start with the query come first, then
// names with a word that starts with it, then names that merely contain it; alphabetical within
// each. An empty query lists every country. At most `limit` entries (0: all).
std::vector<CountryEntry> searchCountries(const std::string& query, const std::string& language,
                                          std::size_t limit = 0);

// True for an ISO 3166-1 alpha-2 code (any case) of a country the data knows.
bool isCountryCode(const std::string& isoAlpha2);

// The code of a country written out by name in any kiosk language or given by its code, the way a
// contact card's address says it ("Indonesia", "Jepang", "日本", "jp"); empty when none matches exactly.
std::string countryCodeForName(const std::string& nameOrCode);

// Where the data is read from; tests point this elsewhere. Setting it drops everything loaded.
struct CountryDataPaths {
  std::filesystem::path isoCodesJson = "/usr/share/iso-codes/json/iso_3166-1.json";
  std::filesystem::path localeDir = "/usr/share/locale";  // <dir>/<lang>/LC_MESSAGES/iso_3166-1.mo
};
void setCountryDataPaths(const CountryDataPaths& paths);

// Why country names are shown as codes (the iso-codes file is missing or unreadable), for the
// log at start-up; empty when the names load. Names no visitor data.
std::optional<std::string> countryDataProblem();

}  // namespace etalase::kiosk
