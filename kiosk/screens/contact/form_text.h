// The contact form's words in the kiosk's languages (English, Indonesian, Malay, Chinese); other
// languages read English. Problem texts follow the validation's FieldProblem.
#pragma once

#include <string>
#include <vector>

#include "kiosk/leads/field_validation.h"

namespace etalase::kiosk {

enum class FormString {
  ContactProducer,
  FormTitle,
  Required,
  DefaultConsent,
  Send,
  Cancel,
  Saving,
  ThanksTitle,
  ThanksBody,
  ThanksBodyNoCode,  // the form was about the whole stand and no product was ticked
  KeepCode,
  Done,
  StillThere,
  SecondsLeft,
  Continue,
  SearchCountry,
  CheckScanned,
  CardProblem,
  FixMarked,
  ScanBadge,
  HoldBadgeUp,
  CameraStarting,
  CameraUnavailable,
  TypeInstead,
  ScanNotACard,
  Importer,
  Distributor,
  Wholesaler,
  Retailer,
  Agent,
  Other,
  Count  // keep last
};

// Falls back to English for a language without a translation.
const char* formText(FormString id, const std::string& language);
// A field's label ("Phone / WhatsApp") in the visitor's language.
const char* fieldLabel(Field field, const std::string& language);
// A field's problem in the visitor's language ("Please enter a valid email address.").
const char* problemText(FieldProblem problem, const std::string& language);
// The first message of a WhatsApp chat opened from the kiosk, naming the product (or the producer)
// and the stand, so the producer knows where the buyer came from.
std::string chatGreeting(const std::string& language, const std::string& about, const std::string& stand);
// Every text above in these languages, for loading their glyphs.
std::vector<std::string> allFormTexts(const std::vector<std::string>& languages);

// The buyer types the form offers, as stored ("importer"...) with their label.
struct BuyerTypeChoice {
  const char* value;
  FormString label;
};
inline constexpr BuyerTypeChoice kBuyerTypes[] = {
    {"importer", FormString::Importer}, {"distributor", FormString::Distributor}, {"wholesaler", FormString::Wholesaler},
    {"retailer", FormString::Retailer}, {"agent", FormString::Agent},             {"other", FormString::Other}};

}  // namespace etalase::kiosk
