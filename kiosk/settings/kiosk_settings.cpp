// Reading and writing DATA/settings.json.
#include "kiosk/settings/kiosk_settings.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "kiosk/catalog/json_document.h"
#include "kiosk/leads/store_files.h"

namespace etalase::kiosk {

namespace {

using nlohmann::json;

constexpr int kFormatVersion = 1;
constexpr std::size_t kMaxStandName = 100;
constexpr std::size_t kMaxDeviceId = 64;
constexpr std::size_t kMaxConsentText = 2000;

constexpr int kMinUiScalePercent = 50;
constexpr int kMaxUiScalePercent = 300;
constexpr const char* kUiScaleRule = "must be 0 (the command line's) or a percentage from 50 to 300";
constexpr const char* kDeviceIdRule = "use letters, digits, '.', '-' or '_' only (it names export files)";

// Reads one document into settings, noting each value it cannot use (that setting keeps its
// default) and each key it does not know (a typo must not silently do nothing).
class SettingsReader {
 public:
  SettingsReader(std::string file, LoadedSettings& out) : m_file(std::move(file)), m_out(out) {}

  void read(const json& document) {
    if (!document.is_object()) return problem("", "is not a JSON object: the defaults are used");
    for (const auto& [key, value] : document.items()) readKey(key, value);
  }

 private:
  void problem(const std::string& setting, const std::string& what) {
    m_out.problems.push_back(setting.empty() ? fmt::format("{}: {}", m_file, what)
                                             : fmt::format("{}: {}: {}", m_file, setting, what));
  }

  void readKey(const std::string& key, const json& value) {
    KioskSettings& s = m_out.settings;
    if (key == "format") {
      if (!value.is_number_integer() || value.get<long long>() > kFormatVersion) {
        problem(key, "written by a newer kiosk: only the settings this one knows are used");
      }
    } else if (key == "stand_name") {
      readText(key, value, kMaxStandName, s.standName);
    } else if (key == "device_id") {
      std::string id;
      if (readText(key, value, kMaxDeviceId, id) && !isSafeDeviceId(id)) {
        problem(key, kDeviceIdRule);
      } else {
        s.deviceId = id;
      }
    } else if (key == "phone_region") {
      std::string region;
      if (readText(key, value, 2, region)) {
        const FieldCheck check = checkCountry(region);
        if (check.ok()) s.phoneRegion = check.value;
        else problem(key, fmt::format("'{}' is not an ISO 3166 country code", printable(region)));
      }
    } else if (key == "required_fields") {
      readRequired(value);
    } else if (key == "require_email_or_phone") {
      if (value.is_boolean()) s.requireEmailOrPhone = value.get<bool>();
      else problem(key, "must be true or false");
    } else if (key == "consent") {
      readConsent(value);
    } else if (key == "low_disk_warning_mb") {
      if (value.is_number() && value.get<double>() >= 0 && value.get<double>() <= 1e6) {
        s.lowDiskWarningBytes = static_cast<std::uint64_t>(value.get<double>() * 1024 * 1024);
      } else {
        problem(key, "must be a number of megabytes from 0 to 1000000");
      }
    } else if (key == "visitor_idle_seconds") {
      readWhole(key, value, 0, 3600, s.visitorIdleSeconds);
    } else if (key == "staff_idle_seconds") {
      readWhole(key, value, 15, 3600, s.staffIdleSeconds);
    } else if (key == "sound") {
      if (value.is_boolean()) s.soundOn = value.get<bool>();
      else problem(key, "must be true or false");
    } else if (key == "volume_percent") {
      readWhole(key, value, 0, 100, s.volumePercent);
    } else if (key == "default_language") {
      readText(key, value, 16, s.defaultLanguage);
    } else if (key == "offered_languages") {
      readLanguages(value);
    } else if (key == "retention_days") {
      readWhole(key, value, 0, 36500, s.retentionDays);
    } else if (key == "screen_rotation") {
      if (value.is_null()) s.screenRotation.reset();
      else if (value.is_number_integer() && isScreenRotation(static_cast<int>(value.get<long long>())))
        s.screenRotation = static_cast<int>(value.get<long long>());
      else problem(key, "must be 0, 90, 180 or 270 (degrees clockwise), or null for the command line's");
    } else if (key == "ui_scale_percent") {
      int percent = 0;
      readWhole(key, value, 0, kMaxUiScalePercent, percent);
      if (percent != 0 && percent < kMinUiScalePercent) problem(key, kUiScaleRule);
      else s.uiScalePercent = percent;
    } else {
      problem(key, "is not a setting this kiosk knows (ignored)");
    }
  }

  bool readText(const std::string& key, const json& value, std::size_t maxBytes, std::string& into) {
    if (!value.is_string()) {
      problem(key, "must be text");
      return false;
    }
    const auto& text = value.get_ref<const std::string&>();
    if (text.size() > maxBytes) {
      problem(key, fmt::format("longer than {} characters", maxBytes));
      return false;
    }
    into = text;
    return true;
  }

  void readWhole(const std::string& key, const json& value, int low, int high, int& into) {
    if (!value.is_number_integer() || value.get<long long>() < low || value.get<long long>() > high) {
      return problem(key, fmt::format("must be a whole number from {} to {}", low, high));
    }
    into = static_cast<int>(value.get<long long>());
  }

  void readLanguages(const json& value) {
    if (!value.is_array()) return problem("offered_languages", "must be a list of language codes");
    std::vector<std::string> languages;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string() || value[i].get<std::string>().empty() || value[i].get<std::string>().size() > 16) {
        problem(fmt::format("offered_languages[{}]", i), "must be a language code such as \"id\"");
        continue;
      }
      languages.push_back(value[i].get<std::string>());
    }
    m_out.settings.offeredLanguages = std::move(languages);
  }

  void readRequired(const json& value) {
    if (!value.is_array()) return problem("required_fields", "must be a list of field names");
    std::set<Field> required;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string where = fmt::format("required_fields[{}]", i);
      const auto field = value[i].is_string() ? fieldFromKey(value[i].get<std::string>()) : std::nullopt;
      if (!field) {
        problem(where, "is not a form field (name, company, country, email, phone, buyer_type, products, "
                       "order_volume, preferred_language, message, consent)");
        continue;
      }
      required.insert(*field);
    }
    m_out.settings.requiredFields = std::move(required);
  }

  void readConsent(const json& value) {
    if (!value.is_object()) return problem("consent", "must be an object with \"version\" and \"text\"");
    const auto version = value.find("version");
    const auto text = value.find("text");
    if (version == value.end() || !version->is_string() || version->get<std::string>().empty()) {
      return problem("consent.version", "must be non-empty text: it is stored with every lead");
    }
    if (text == value.end() || !text->is_object() || text->empty()) {
      return problem("consent.text", "must give the wording per language, e.g. {\"en\": \"I agree ...\"}");
    }
    ConsentText consent;
    consent.version = version->get<std::string>();
    for (const auto& [language, wording] : text->items()) {
      if (!wording.is_string() || wording.get<std::string>().empty() ||
          wording.get<std::string>().size() > kMaxConsentText) {
        return problem("consent.text." + language, fmt::format("must be text of 1 to {} bytes", kMaxConsentText));
      }
      consent.text[language] = wording.get<std::string>();
    }
    m_out.settings.consent = std::move(consent);
  }

  std::string m_file;
  LoadedSettings& m_out;
};

}  // namespace

LoadedSettings loadSettings(const std::filesystem::path& file) {
  LoadedSettings loaded;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::error_code error;
    if (std::filesystem::exists(file, error)) loaded.problems.push_back(file.string() + ": cannot be read");
    return loaded;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto document = parseJsonDocument(text.str(), file.string());
  if (!document) {
    loaded.problems.push_back(document.error().text() + " (the defaults are used)");
    return loaded;
  }
  SettingsReader(file.string(), loaded).read(document.value());
  return loaded;
}

bool isScreenRotation(int degrees) { return degrees == 0 || degrees == 90 || degrees == 180 || degrees == 270; }

bool isSafeDeviceId(const std::string& id) {
  for (char c : id) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '-' || c == '_';
    if (!plain) return false;
  }
  return id.size() <= kMaxDeviceId;
}

std::optional<Error> saveSettings(const std::filesystem::path& file, const KioskSettings& settings) {
  // What the loader would refuse is refused here, so staff see it before it is written.
  if (!isSafeDeviceId(settings.deviceId)) return Error{"Device id", kDeviceIdRule};
  if (settings.standName.size() > kMaxStandName) {
    return Error{"Stand name", fmt::format("at most {} characters", kMaxStandName)};
  }
  if (settings.screenRotation && !isScreenRotation(*settings.screenRotation)) {
    return Error{"Screen turned", "0, 90, 180 or 270 degrees"};
  }
  if (settings.uiScalePercent != 0 &&
      (settings.uiScalePercent < kMinUiScalePercent || settings.uiScalePercent > kMaxUiScalePercent)) {
    return Error{"Text size", kUiScaleRule};
  }
  json document = {{"format", kFormatVersion},
                   {"stand_name", settings.standName},
                   {"device_id", settings.deviceId},
                   {"phone_region", settings.phoneRegion},
                   {"require_email_or_phone", settings.requireEmailOrPhone},
                   {"low_disk_warning_mb", static_cast<double>(settings.lowDiskWarningBytes) / (1024.0 * 1024.0)},
                   {"visitor_idle_seconds", settings.visitorIdleSeconds},
                   {"staff_idle_seconds", settings.staffIdleSeconds},
                   {"sound", settings.soundOn},
                   {"volume_percent", settings.volumePercent},
                   {"default_language", settings.defaultLanguage},
                   {"offered_languages", settings.offeredLanguages},
                   {"retention_days", settings.retentionDays},
                   {"screen_rotation", settings.screenRotation ? json(*settings.screenRotation) : json(nullptr)},
                   {"ui_scale_percent", settings.uiScalePercent}};
  json required = json::array();
  for (Field field : settings.requiredFields) required.push_back(fieldKey(field));
  document["required_fields"] = std::move(required);
  if (settings.consent) document["consent"] = {{"version", settings.consent->version}, {"text", settings.consent->text}};
  return leads::replaceFileAtomically(file, document.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

FormRules formRules(const KioskSettings& settings) {
  FormRules rules;
  rules.required = settings.requiredFields;
  rules.requireEmailOrPhone = settings.requireEmailOrPhone;
  rules.fallbackPhoneRegion = settings.phoneRegion;
  return rules;
}

}  // namespace etalase::kiosk
