// Country names: the markets producers sell to most, not all of ISO 3166.
#include "kiosk/locale/countries.h"

#include <algorithm>
#include <array>
#include <utility>

namespace etalase::kiosk {

namespace {

struct Country {
  const char* code;
  const char* en;
  const char* id;
  const char* ms;
  const char* zh;
};

constexpr std::array kCountries = {
    Country{"US", "United States", "Amerika Serikat", "Amerika Syarikat", "美国"},
    Country{"CN", "China", "Tiongkok", "China", "中国"},
    Country{"JP", "Japan", "Jepang", "Jepun", "日本"},
    Country{"KR", "South Korea", "Korea Selatan", "Korea Selatan", "韩国"},
    Country{"SG", "Singapore", "Singapura", "Singapura", "新加坡"},
    Country{"MY", "Malaysia", "Malaysia", "Malaysia", "马来西亚"},
    Country{"BN", "Brunei", "Brunei Darussalam", "Brunei", "文莱"},
    Country{"AU", "Australia", "Australia", "Australia", "澳大利亚"},
    Country{"NZ", "New Zealand", "Selandia Baru", "New Zealand", "新西兰"},
    Country{"NL", "Netherlands", "Belanda", "Belanda", "荷兰"},
    Country{"DE", "Germany", "Jerman", "Jerman", "德国"},
    Country{"FR", "France", "Prancis", "Perancis", "法国"},
    Country{"IT", "Italy", "Italia", "Itali", "意大利"},
    Country{"ES", "Spain", "Spanyol", "Sepanyol", "西班牙"},
    Country{"GB", "United Kingdom", "Inggris", "United Kingdom", "英国"},
    Country{"BE", "Belgium", "Belgia", "Belgium", "比利时"},
    Country{"AE", "United Arab Emirates", "Uni Emirat Arab", "Emiriah Arab Bersatu", "阿联酋"},
    Country{"SA", "Saudi Arabia", "Arab Saudi", "Arab Saudi", "沙特阿拉伯"},
    Country{"QA", "Qatar", "Qatar", "Qatar", "卡塔尔"},
    Country{"IN", "India", "India", "India", "印度"},
    Country{"TW", "Taiwan", "Taiwan", "Taiwan", "台湾"},
    Country{"HK", "Hong Kong", "Hong Kong", "Hong Kong", "香港"},
    Country{"TH", "Thailand", "Thailand", "Thailand", "泰国"},
    Country{"VN", "Vietnam", "Vietnam", "Vietnam", "越南"},
    Country{"PH", "Philippines", "Filipina", "Filipina", "菲律宾"},
    Country{"CA", "Canada", "Kanada", "Kanada", "加拿大"},
    Country{"MX", "Mexico", "Meksiko", "Mexico", "墨西哥"},
    Country{"BR", "Brazil", "Brasil", "Brazil", "巴西"},
    Country{"TR", "Türkiye", "Turki", "Turki", "土耳其"},
    Country{"EG", "Egypt", "Mesir", "Mesir", "埃及"},
    Country{"ZA", "South Africa", "Afrika Selatan", "Afrika Selatan", "南非"},
    Country{"RU", "Russia", "Rusia", "Rusia", "俄罗斯"},
    Country{"PL", "Poland", "Polandia", "Poland", "波兰"},
    Country{"SE", "Sweden", "Swedia", "Sweden", "瑞典"},
    Country{"DK", "Denmark", "Denmark", "Denmark", "丹麦"},
    Country{"NO", "Norway", "Norwegia", "Norway", "挪威"},
    Country{"CH", "Switzerland", "Swiss", "Switzerland", "瑞士"},
    Country{"AT", "Austria", "Austria", "Austria", "奥地利"},
    Country{"ID", "Indonesia", "Indonesia", "Indonesia", "印度尼西亚"},
};

const char* nameIn(const Country& country, const std::string& language) {
  if (language == "id") return country.id;
  if (language == "ms") return country.ms;
  if (language == "zh") return country.zh;
  return country.en;
}

std::string upperCased(const std::string& text) {
  std::string result = text;
  for (char& c : result) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return result;
}

}  // namespace

std::string countryName(const std::string& isoAlpha2, const std::string& language) {
  const std::string code = upperCased(isoAlpha2);
  for (const Country& country : kCountries) {
    if (code == country.code) return nameIn(country, language);
  }
  return code;
}

std::vector<std::string> allCountryNames(const std::vector<std::string>& languages) {
  std::vector<std::string> names;
  for (const std::string& language : languages) {
    for (const Country& country : kCountries) {
      std::string name = nameIn(country, language);
      // Many names are the same in several languages; the glyph loader needs each once.
      if (std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(std::move(name));
    }
  }
  return names;
}

}  // namespace etalase::kiosk
