// The kiosk's own settings, kept in one JSON file in the data folder (docs/settings.md): what the
// stand decides, where the pack says what is shown. A bad file or a bad value never stops the
// kiosk: each problem is named (file and setting) and that setting keeps its default.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/catalog/catalog.h"
#include "kiosk/leads/field_validation.h"
#include "media/error.h"

namespace etalase::kiosk {

struct KioskSettings {
  std::string standName;
  std::string deviceId;  // which kiosk, in every lead and export; empty: the host name
  // National phone numbers are read as this country's when the visitor chose none.
  std::string phoneRegion = "ID";
  std::set<Field> requiredFields{Field::Name, Field::Consent};
  bool requireEmailOrPhone = true;
  // The stand's consent wording; when set it is shown instead of the pack's.
  std::optional<ConsentText> consent;
  // Below this much free space staff are warned (SQLite's write-ahead log needs room too).
  std::uint64_t lowDiskWarningBytes = 16ull * 1024 * 1024;
  // Seconds without a touch before a visitor's screen goes back to the videos (0: the command
  // line's --idle-timeout), and before staff mode closes by itself.
  int visitorIdleSeconds = 0;
  int staffIdleSeconds = 120;
  bool soundOn = true;
  int volumePercent = 100;
  // The language a visitor sees first (empty: the pack's), and the languages offered (empty: all
  // of the pack's).
  std::string defaultLanguage;
  std::vector<std::string> offeredLanguages;
  // Leads older than this many days are deleted (0: kept until staff erase them). Indonesia's
  // personal-data law asks for a stated retention period.
  int retentionDays = 0;
  // Degrees the picture is turned on the panel (0, 90, 180, 270) and the size of text and buttons
  // in percent; unset / 0: as the kiosk was started (--rotate, --ui-scale in etalase.conf). Staff
  // set them on the stand, where they see the result, rather than in a file.
  std::optional<int> screenRotation;
  int uiScalePercent = 0;

  bool operator==(const KioskSettings&) const = default;
};

struct LoadedSettings {
  KioskSettings settings;
  // For staff (the log, the settings screen): "settings.json: required_fields[1]: ...".
  std::vector<std::string> problems;
};

// The settings in `file`; a missing file gives the defaults without a problem.
LoadedSettings loadSettings(const std::filesystem::path& file);
// Whether `degrees` is a rotation the kiosk can draw: 0, 90, 180 or 270.
bool isScreenRotation(int degrees);
// A device id names export files: ASCII letters, digits, '.', '-' and '_' (empty: the host name).
bool isSafeDeviceId(const std::string& id);
// Replaces `file` atomically (a power cut leaves the old settings or the new, whole).
[[nodiscard]] std::optional<Error> saveSettings(const std::filesystem::path& file, const KioskSettings& settings);

// The form's rules the settings ask for.
FormRules formRules(const KioskSettings& settings);

}  // namespace etalase::kiosk
