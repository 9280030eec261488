// The name an export gets on a USB stick: etalase-leads_<device>_<YYYYMMDD-HHMMSS>Z.<ext>, e.g.
// etalase-leads_kiosk-07_20261202-171316Z.csv. Sorts by time per kiosk, and is safe on FAT.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "kiosk/export/export_format.h"

namespace etalase::exporting {

std::string exportFileName(std::string_view deviceId, std::chrono::system_clock::time_point when,
                           ExportFormat format);

// The device id as a FAT-safe part of a file name: ASCII letters, digits and '-' only (any other
// byte, '_' included as it separates the name's parts, becomes '-'), at most 64 characters,
// "kiosk" when nothing is left.
std::string fileNameSafe(std::string_view deviceId);

}  // namespace etalase::exporting
