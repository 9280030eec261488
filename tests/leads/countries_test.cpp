// Country names: a product's markets read in the visitor's language.
#include "kiosk/locale/countries.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace etalase::kiosk {
namespace {

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(Countries, NamesInEachKioskLanguage) {
  EXPECT_EQ(countryName("JP", "en"), "Japan");
  EXPECT_EQ(countryName("JP", "id"), "Jepang");
  EXPECT_EQ(countryName("JP", "ms"), "Jepun");
  EXPECT_EQ(countryName("JP", "zh"), "日本");
  EXPECT_EQ(countryName("US", "id"), "Amerika Serikat");
  EXPECT_EQ(countryName("US", "ms"), "Amerika Syarikat");
  EXPECT_EQ(countryName("DE", "zh"), "德国");
  EXPECT_EQ(countryName("NL", "id"), "Belanda");
  EXPECT_EQ(countryName("AE", "en"), "United Arab Emirates");
}

TEST(Countries, EveryMarketProducersSellToHasANameInEveryLanguage) {
  for (const std::string code :
       {"US", "CN", "JP", "KR", "SG", "MY", "AU", "NZ", "NL", "DE", "FR", "IT", "ES",
        "GB", "BE", "AE", "SA", "QA", "IN", "TW", "HK", "TH", "VN", "PH", "CA", "MX",
        "BR", "TR", "EG", "ZA", "RU", "PL", "SE", "DK", "NO", "CH", "AT", "ID"}) {
    for (const std::string language : {"en", "id", "ms", "zh"}) {
      EXPECT_NE(countryName(code, language), code) << code << " in " << language;
    }
  }
}

TEST(Countries, CodesAreCaseInsensitive) {
  EXPECT_EQ(countryName("sg", "en"), "Singapore");
  EXPECT_EQ(countryName("Gb", "id"), "Inggris");
}

TEST(Countries, OtherLanguagesGetEnglish) {
  EXPECT_EQ(countryName("FR", "ar"), "France");
  EXPECT_EQ(countryName("FR", ""), "France");
}

TEST(Countries, AnUnknownCodeIsShownUpperCased) {
  EXPECT_EQ(countryName("zz", "en"), "ZZ");
  EXPECT_EQ(countryName("xk", "zh"), "XK");
}

TEST(Countries, AllNamesCoverExactlyTheRequestedLanguages) {
  const std::vector<std::string> names = allCountryNames({"id", "zh"});
  EXPECT_TRUE(has(names, "Jepang"));
  EXPECT_TRUE(has(names, "日本"));
  EXPECT_FALSE(has(names, "Jepun"));  // Malay was not asked for
  EXPECT_FALSE(has(names, "Japan"));
  EXPECT_EQ(std::count(names.begin(), names.end(), "Indonesia"), 1);
}

TEST(Countries, AllNamesForAnUnknownLanguageAreTheEnglishOnesShown) {
  const std::vector<std::string> names = allCountryNames({"ar"});
  EXPECT_TRUE(has(names, countryName("EG", "ar")));
  EXPECT_TRUE(has(names, "Egypt"));
}

}  // namespace
}  // namespace etalase::kiosk
