// A buyer's contact left at the kiosk: what the visitor typed or scanned, where and when, and the
// consent they gave. Plain data, no UI; stored by LeadStore, kept pending by LeadSaver.
#pragma once

#include <string>
#include <vector>

namespace etalase::leads {

// How the contact details reached the form (Lead::source).
inline constexpr const char* kSourceTyped = "typed";
inline constexpr const char* kSourceScannedKeyboard = "scanned-keyboard";  // a USB/HID scanner
inline constexpr const char* kSourceScannedCamera = "scanned-camera";

// What stand staff make of a lead (Lead::rating); empty while nobody rated it.
inline constexpr const char* kRatingHot = "hot";
inline constexpr const char* kRatingWarm = "warm";
inline constexpr const char* kRatingCold = "cold";
// Lead::followUp when staff flagged it to follow up; else empty.
inline constexpr const char* kFollowUpYes = "yes";

struct Lead {
  std::string uuid;        // random v4 UUID text, made when the form is submitted
  std::string deviceId;    // which kiosk
  std::string createdUtc;  // ISO 8601 UTC, e.g. 2026-12-02T17:13:16.123Z
  std::string packId;
  std::string producerId;
  std::vector<std::string> productIds;  // the products of interest, in the order chosen
  std::string name;
  std::string company;
  std::string countryCode;  // ISO 3166 alpha-2
  std::string email;
  std::string phone;      // E.164, e.g. +6281234567890
  std::string buyerType;  // importer, distributor, wholesaler, retailer, agent, other
  std::string orderVolume;
  std::string preferredLanguage;
  std::string message;
  std::string visitorLanguage;  // the language the form was shown in
  bool consentGiven = false;
  std::string consentVersion;
  std::string consentLanguage;
  std::string source;   // kSourceTyped, kSourceScannedKeyboard or kSourceScannedCamera
  std::string rawCard;  // the scanned vCard/MECARD text as read, else empty
  // Set by stand staff afterwards, never by the visitor. Text, so that they travel in every
  // export and the exchange format like the other fields.
  std::string rating;      // kRatingHot, kRatingWarm, kRatingCold or empty
  std::string staffNotes;  // free text
  std::string followUp;    // kFollowUpYes or empty

  bool operator==(const Lead&) const = default;
};

// Every text field of a Lead with its column name in the `leads` table (also its key in the
// pending file), in table order: one list for SQL, JSON and tests, so a new field cannot be
// stored by one and forgotten by another. consentGiven and productIds are not text.
struct LeadTextField {
  const char* column;
  std::string Lead::*member;
};
inline constexpr LeadTextField kLeadTextFields[] = {
    {"uuid", &Lead::uuid},
    {"device_id", &Lead::deviceId},
    {"created_utc", &Lead::createdUtc},
    {"pack_id", &Lead::packId},
    {"producer_id", &Lead::producerId},
    {"name", &Lead::name},
    {"company", &Lead::company},
    {"country_code", &Lead::countryCode},
    {"email", &Lead::email},
    {"phone", &Lead::phone},
    {"buyer_type", &Lead::buyerType},
    {"order_volume", &Lead::orderVolume},
    {"preferred_language", &Lead::preferredLanguage},
    {"message", &Lead::message},
    {"visitor_language", &Lead::visitorLanguage},
    {"consent_version", &Lead::consentVersion},
    {"consent_language", &Lead::consentLanguage},
    {"source", &Lead::source},
    {"raw_card", &Lead::rawCard},
    {"rating", &Lead::rating},
    {"staff_notes", &Lead::staffNotes},
    {"follow_up", &Lead::followUp},
};

}  // namespace etalase::leads
