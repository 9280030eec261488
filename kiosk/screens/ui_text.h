// The kiosk's own words (not the pack's) in each supported language.
#pragma once

#include <string>
#include <vector>

namespace etalase::kiosk {

enum class UiString {  // keep kUiStringCount below in step
  TouchToExplore,
  OurProducts,
  AllCategories,
  From,
  NoPackTitle,
  NoPackHint,
  NoVideos,
  Back,
  Price,
  MinimumOrder,
  CapacityPerMonth,
  LeadTime,
  Days,
  HsCode,
  Markets,
  Materials,
  Certified,
  ScanToChat,
  ScanToVisit,
  ScanToEmail,
  AboutProducer,
  ProductsOfProducer,
  Video,
  Per,
};
inline constexpr int kUiStringCount = static_cast<int>(UiString::Per) + 1;

// One text in the kiosk's own languages.
struct Translation {
  const char* en;
  const char* id;
  const char* ms;
  const char* zh;
};
// The text in `language`; English for a language without a translation.
const char* translated(const Translation& text, const std::string& language);

// Falls back to English for a language without a translation.
const char* uiText(UiString id, const std::string& language);
// Every UI string and language name in these languages (for loading their glyphs).
std::vector<std::string> allUiTexts(const std::vector<std::string>& languages);
// The language's own name ("English", "Bahasa Indonesia", ...), for the language switch.
std::string languageName(const std::string& language);

}  // namespace etalase::kiosk
