// Country names for a product's export markets, in the kiosk's languages.
#pragma once

#include <string>
#include <vector>

namespace etalase::kiosk {

// The name of an ISO 3166 alpha-2 code (any case) in "en", "id", "ms" or "zh"; other languages
// get English. A code the table lacks comes back upper-cased, so the screen still shows something.
std::string countryName(const std::string& isoAlpha2, const std::string& language);

// Every country name in these languages, each once (for loading exactly the glyphs shown).
std::vector<std::string> allCountryNames(const std::vector<std::string>& languages);

}  // namespace etalase::kiosk
