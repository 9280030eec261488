// The kiosk's own words (not the pack's) in each supported language.
#pragma once

#include <string>

namespace etalase::kiosk {

enum class UiString {
  TouchToExplore,
  OurProducts,
  AllCategories,
  From,
  NoPackTitle,
  NoPackHint,
  NoVideos,
  Back,
};

// Falls back to English for a language without a translation.
const char* uiText(UiString id, const std::string& language);
// The language's own name ("English", "Bahasa Indonesia", ...), for the language switch.
std::string languageName(const std::string& language);

}  // namespace etalase::kiosk
