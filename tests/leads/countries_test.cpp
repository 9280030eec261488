// Country names: a product's markets and the contact form's country list, read in the visitor's
// language from Debian's iso-codes.
#include "kiosk/locale/countries.h"
#include "kiosk/locale/mo_catalog.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace etalase::kiosk {
namespace {

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> codesOf(const std::vector<CountryEntry>& entries) {
  std::vector<std::string> codes;
  for (const auto& entry : entries) codes.push_back(entry.code);
  return codes;
}

std::ptrdiff_t positionOf(const std::vector<CountryEntry>& entries, const std::string& code) {
  const auto it = std::find_if(entries.begin(), entries.end(), [&](const CountryEntry& e) { return e.code == code; });
  return it == entries.end() ? -1 : it - entries.begin();
}

struct Named {
  const char* code;
  const char* language;
  const char* name;
};

void expectNames(std::initializer_list<Named> names) {
  for (const Named& n : names) EXPECT_EQ(countryName(n.code, n.language), n.name) << n.code << " in " << n.language;
}

TEST(Countries, NamesInEachKioskLanguage) {
  expectNames({{"JP", "en", "Japan"}, {"JP", "id", "Jepang"}, {"JP", "ms", "Jepun"}, {"JP", "zh", "日本"},
               {"US", "id", "Amerika Serikat"}, {"US", "ms", "Amerika Syarikat"}, {"DE", "zh", "德国"},
               {"NL", "id", "Belanda"}, {"AE", "en", "United Arab Emirates"}, {"EG", "ar", "مصر"}});
}

TEST(Countries, CommonNamesReadAsPeopleExpect) {
  // iso-codes' formal names are "Korea, Republic of", "Taiwan, Province of China", "Iran, Islamic
  // Republic of": the common names are what a visitor looks for.
  expectNames({{"KR", "en", "South Korea"}, {"TW", "en", "Taiwan"}, {"IR", "en", "Iran"}, {"VN", "en", "Vietnam"},
               {"KR", "id", "Korea Selatan"}, {"KR", "zh", "韩国"}, {"TW", "zh", "台湾"}});
}

TEST(Countries, ChineseVariantsChooseTheirCatalog) {
  EXPECT_EQ(countryName("CN", "zh-CN"), "中国");
  EXPECT_EQ(countryName("CN", "zh_CN"), "中国");
  // Traditional characters for Taiwan and Hong Kong.
  EXPECT_NE(countryName("DE", "zh-TW"), countryName("DE", "zh"));
  EXPECT_EQ(countryName("DE", "zh-Hant"), countryName("DE", "zh-TW"));
}

TEST(Countries, EveryMarketProducersSellToHasANameInEveryLanguage) {
  for (const std::string code :
       {"US", "CN", "JP", "KR", "SG", "MY", "AU", "NZ", "NL", "DE", "FR", "IT", "ES",
        "GB", "BE", "AE", "SA", "QA", "IN", "TW", "HK", "TH", "VN", "PH", "CA", "MX",
        "BR", "TR", "EG", "ZA", "RU", "PL", "SE", "DK", "NO", "CH", "AT", "ID"}) {
    for (const std::string language : {"en", "id", "ms", "zh", "ar"}) {
      EXPECT_NE(countryName(code, language), code) << code << " in " << language;
    }
  }
}

TEST(Countries, CodesAreCaseInsensitive) {
  EXPECT_EQ(countryName("sg", "en"), "Singapore");
  EXPECT_EQ(countryName("Gb", "id"), "Britania Raya");  // iso-codes' Indonesian for the United Kingdom
}

TEST(Countries, LanguagesWithoutACatalogGetEnglish) {
  EXPECT_EQ(countryName("FR", "xx"), "France");
  EXPECT_EQ(countryName("FR", ""), "France");
  EXPECT_EQ(countryName("FR", "en-GB"), "France");
}

TEST(Countries, ALanguageTagCannotReachOutsideTheLocaleDirectory) {
  EXPECT_EQ(countryName("FR", "../../etc/passwd"), "France");
  EXPECT_EQ(countryName("FR", "id/../ms"), "France");
}

TEST(Countries, AnUnknownCodeIsShownUpperCased) {
  EXPECT_EQ(countryName("zz", "en"), "ZZ");
  EXPECT_EQ(countryName("xk", "zh"), "XK");
  EXPECT_FALSE(isCountryCode("ZZ"));
  EXPECT_TRUE(isCountryCode("id"));
}

TEST(Countries, AllNamesCoverExactlyTheRequestedLanguages) {
  const std::vector<std::string> names = allCountryNames({"id", "zh"});
  EXPECT_TRUE(has(names, "Jepang"));
  EXPECT_TRUE(has(names, "日本"));
  EXPECT_FALSE(has(names, "Jepun"));  // Malay was not asked for
  EXPECT_FALSE(has(names, "Japan"));
  EXPECT_EQ(std::count(names.begin(), names.end(), "Indonesia"), 1);
}

TEST(Countries, AllNamesForALanguageWithoutCatalogAreTheEnglishOnesShown) {
  const std::vector<std::string> names = allCountryNames({"xx"});
  EXPECT_TRUE(has(names, countryName("EG", "xx")));
  EXPECT_TRUE(has(names, "Egypt"));
}

TEST(Countries, TheListHasEveryCountryInItsLanguagesOrder) {
  const auto english = allCountries("en");
  EXPECT_GE(english.size(), 240u);
  EXPECT_EQ(english.front().name, "Afghanistan");
  // "Åland Islands" sorts with the A's, not after "Zimbabwe" as bytes would put it.
  EXPECT_LT(positionOf(english, "AX"), positionOf(english, "BE"));
  const auto indonesian = allCountries("id");
  // "Jepang" (JP) before "Jerman" (DE), whatever the codes say.
  EXPECT_LT(positionOf(indonesian, "JP"), positionOf(indonesian, "DE"));
  EXPECT_EQ(indonesian[static_cast<std::size_t>(positionOf(indonesian, "DE"))].englishName, "Germany");
  // Chinese in pinyin order: 澳大利亚 (Aodaliya) before 中国 (Zhongguo).
  const auto chinese = allCountries("zh");
  EXPECT_LT(positionOf(chinese, "AU"), positionOf(chinese, "CN"));
}

TEST(CountrySearch, IgnoresCaseAndAccents) {
  EXPECT_EQ(searchCountries("cote", "en").front().code, "CI");
  EXPECT_EQ(searchCountries("CÔTE D'IV", "en").front().code, "CI");
  EXPECT_EQ(searchCountries("turkiye", "en").front().code, "TR");
  EXPECT_EQ(searchCountries("aland", "en").front().code, "AX");
}

TEST(CountrySearch, PrefixMatchesComeFirst) {
  const auto found = searchCountries("in", "en");
  ASSERT_GE(found.size(), 3u);
  EXPECT_EQ(found[0].code, "IN");  // India: the code and the name's start
  EXPECT_EQ(found[1].code, "ID");  // Indonesia
  // "Argentina" contains "in" but comes after every name starting with it.
  EXPECT_GT(positionOf(found, "AR"), positionOf(found, "ID"));
  const auto korea = searchCountries("korea", "en");
  ASSERT_GE(korea.size(), 2u);
  EXPECT_EQ(codesOf(korea), (std::vector<std::string>{"KP", "KR"}));  // both by a word of their names
}

TEST(CountrySearch, FindsByLocalizedNameEnglishNameAndCode) {
  EXPECT_EQ(searchCountries("jerman", "id").front().code, "DE");
  EXPECT_EQ(searchCountries("germany", "id").front().code, "DE");  // an English speaker at an Indonesian screen
  // A code finds its country among the names that start with it ("Denmark" is one for "de").
  const auto de = searchCountries("de", "id");
  EXPECT_GE(positionOf(de, "DE"), 0);
  EXPECT_LT(positionOf(de, "DE"), 3);
  EXPECT_GT(positionOf(de, "SE"), positionOf(de, "DE"));  // Swedia: "de" inside a word only
  EXPECT_EQ(searchCountries("日本", "zh").front().code, "JP");
  EXPECT_EQ(searchCountries("الصين", "ar").front().code, "CN");  // typed without the shadda iso-codes writes
}

TEST(CountrySearch, AnEmptyQueryListsEveryCountryAndALimitCuts) {
  EXPECT_EQ(searchCountries("", "en").size(), allCountries("en").size());
  EXPECT_EQ(searchCountries("  ", "en").size(), allCountries("en").size());
  EXPECT_EQ(searchCountries("a", "en", 5).size(), 5u);
  EXPECT_TRUE(searchCountries("qqqq", "en").empty());
}

TEST(CountrySearch, CardAddressesNameTheirCountry) {
  EXPECT_EQ(countryCodeForName("Indonesia"), "ID");
  EXPECT_EQ(countryCodeForName("jepang"), "JP");
  EXPECT_EQ(countryCodeForName("日本"), "JP");
  EXPECT_EQ(countryCodeForName("Republic of Korea"), "");  // not a name iso-codes uses: no guess
  EXPECT_EQ(countryCodeForName("USA"), "US");
  EXPECT_EQ(countryCodeForName("sg"), "SG");
  EXPECT_EQ(countryCodeForName(""), "");
}

TEST(Countries, ManyThreadsAtOnceSeeTheSameNames) {
  std::vector<std::thread> threads;
  std::vector<std::string> seen(8);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] { seen[i] = countryName("JP", i % 2 ? "id" : "ms") + searchCountries("jap", "en").front().code; });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i % 2 ? "JepangJP" : "JepunJP");
}

// --- Other data files: missing, broken, or a small catalog of the test's own ---

void putWord(std::string& out, uint32_t value) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

// A little-endian .mo file with these entries (the header entry first, as msgfmt writes it).
std::string moFile(std::vector<std::pair<std::string, std::string>> entries) {
  entries.insert(entries.begin(), {"", "Content-Type: text/plain; charset=UTF-8\n"});
  const auto count = static_cast<uint32_t>(entries.size());
  const uint32_t originals = 28, translations = originals + 8 * count;
  uint32_t strings = translations + 8 * count;
  std::string tables, data;
  std::string out;
  putWord(out, 0x950412de);
  putWord(out, 0);
  putWord(out, count);
  putWord(out, originals);
  putWord(out, translations);
  putWord(out, 0);
  putWord(out, 0);
  std::string originalTable, translationTable;
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& entry : entries) {
      const std::string& text = pass == 0 ? entry.first : entry.second;
      putWord(pass == 0 ? originalTable : translationTable, static_cast<uint32_t>(text.size()));
      putWord(pass == 0 ? originalTable : translationTable, strings + static_cast<uint32_t>(data.size()));
      data += text;
      data += '\0';
    }
  }
  return out + originalTable + translationTable + data;
}

class CountryDataFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = std::filesystem::temp_directory_path() / ("etalase-countries-" + std::to_string(::getpid()));
    std::filesystem::create_directories(m_dir / "locale" / "id" / "LC_MESSAGES");
  }
  void TearDown() override {
    setCountryDataPaths(CountryDataPaths{});  // the real data again for the other tests
    std::filesystem::remove_all(m_dir);
  }
  void write(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  CountryDataPaths paths() const { return {m_dir / "iso_3166-1.json", m_dir / "locale"}; }
  std::filesystem::path catalogPath() const { return m_dir / "locale" / "id" / "LC_MESSAGES" / "iso_3166-1.mo"; }

  std::filesystem::path m_dir;
};

const char* kTwoCountries = R"({"3166-1": [
  {"alpha_2": "JP", "alpha_3": "JPN", "name": "Japan"},
  {"alpha_2": "KR", "alpha_3": "KOR", "name": "Korea, Republic of", "common_name": "South Korea"},
  {"alpha_2": "x", "name": "not a code"},
  {"alpha_2": "FR"},
  "not an object"
]})";

TEST_F(CountryDataFiles, MissingDataShowsCodesAndSaysWhy) {
  setCountryDataPaths(paths());  // nothing written there
  EXPECT_EQ(countryName("JP", "en"), "JP");
  EXPECT_EQ(countryName("jp", "id"), "JP");
  // The list still offers every ISO code (from ICU), each shown as its code.
  const auto list = allCountries("en");
  EXPECT_GE(list.size(), 240u);
  EXPECT_EQ(searchCountries("jp", "en").front().name, "JP");
  EXPECT_TRUE(isCountryCode("JP"));
  ASSERT_TRUE(countryDataProblem().has_value());
  EXPECT_NE(countryDataProblem()->find("iso_3166-1.json"), std::string::npos);
}

TEST_F(CountryDataFiles, AFileThatIsNotTheJsonExpectedCountsAsMissing) {
  for (const std::string& bytes : {std::string("{\"3166-1\": [{\"alpha_2\": \"JP\""), std::string("[1,2,3]"),
                                   std::string("\x89PNG\r\n\x1a\n\0\0", 10), std::string()}) {
    write(m_dir / "iso_3166-1.json", bytes);
    setCountryDataPaths(paths());
    EXPECT_EQ(countryName("JP", "en"), "JP");
    EXPECT_TRUE(countryDataProblem().has_value());
  }
}

TEST_F(CountryDataFiles, TranslationsComeFromTheCatalogAndUnusableEntriesAreSkipped) {
  write(m_dir / "iso_3166-1.json", kTwoCountries);
  write(catalogPath(), moFile({{"Japan", "Jepang"}, {"South Korea", "Korea Selatan"}}));
  setCountryDataPaths(paths());
  EXPECT_FALSE(countryDataProblem().has_value());
  EXPECT_EQ(countryName("JP", "id"), "Jepang");
  EXPECT_EQ(countryName("KR", "id"), "Korea Selatan");
  EXPECT_EQ(countryName("KR", "en"), "South Korea");
  EXPECT_EQ(countryName("FR", "en"), "FR");  // the entry without a name was skipped
  EXPECT_EQ(allCountries("id").size(), 2u);
  EXPECT_EQ(countryCodeForName("KOR"), "KR");
}

TEST_F(CountryDataFiles, ABrokenCatalogMeansEnglishNames) {
  write(m_dir / "iso_3166-1.json", kTwoCountries);
  const std::string good = moFile({{"Japan", "Jepang"}});
  for (const std::string& bytes :
       {good.substr(0, good.size() / 2), good.substr(0, 20), std::string(64, '\xff'), std::string()}) {
    write(catalogPath(), bytes);
    setCountryDataPaths(paths());
    EXPECT_EQ(countryName("JP", "id"), "Japan");
  }
}

TEST(CountryCatalog, ReadsBothByteOrdersAndRefusesOffsetsPastTheEnd) {
  const std::string little = moFile({{"Japan", "Jepang"}});
  auto catalog = parseMoCatalog(little);
  ASSERT_TRUE(catalog.has_value());
  EXPECT_EQ(catalog->at("Japan"), "Jepang");
  EXPECT_EQ(catalog->count(""), 0u);  // the header is not a message

  // The same file written big-endian: every 32-bit word of the header and tables swapped.
  std::string big = little;
  const std::size_t words = 7 + 2 * 2 * 2;
  for (std::size_t i = 0; i < words; ++i) std::swap(big[4 * i], big[4 * i + 3]), std::swap(big[4 * i + 1], big[4 * i + 2]);
  catalog = parseMoCatalog(big);
  ASSERT_TRUE(catalog.has_value());
  EXPECT_EQ(catalog->at("Japan"), "Jepang");

  std::string hostile = little;
  hostile[8] = '\xff';  // a string count no file this size can hold
  hostile[9] = '\xff';
  hostile[10] = '\xff';
  EXPECT_FALSE(parseMoCatalog(hostile).has_value());
  hostile = little;
  hostile[28 + 8 + 4 + 3] = '\x7f';  // the msgid "Japan" said to start 2 GB in
  EXPECT_FALSE(parseMoCatalog(hostile).has_value());
}

}  // namespace
}  // namespace etalase::kiosk
