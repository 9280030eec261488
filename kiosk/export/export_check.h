// Reads an export file back and checks that it holds what was written: the number of leads (CSV
// records with every column, JSON Lines lines, vCards), or for XLSX a whole zip archive. It
// catches a file cut short or garbled on the way to a USB stick, not a subtle bug in a writer
// (the tests do that).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "kiosk/export/export_format.h"
#include "media/error.h"

namespace etalase::exporting {

// The file's size in bytes when it holds `expectedLeads` leads in `format`, else an Error naming
// it. Asks the kernel to drop the file's cached pages first (it should have been fsync()ed), so
// that what is read comes from the device where it can be. `merged`: a merged file's CSV records
// have the merged columns too.
Result<std::uint64_t> checkExportFile(const std::filesystem::path& file, ExportFormat format,
                                      std::int64_t expectedLeads, bool merged = false);

}  // namespace etalase::exporting
