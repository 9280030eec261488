// Leads as JSON Lines, the exchange format between kiosks and the organiser's tool
// (docs/lead-exchange-format.md): a header object on the first line, then one lead per line.
#pragma once

#include <filesystem>
#include <memory>

#include "kiosk/export/lead_writer.h"

namespace etalase::exporting {

inline constexpr const char* kLeadExchangeFormat = "etalase-leads";
// The major version: bumped only when a reader of the old one would misread a new file. Adding
// a field is no reason (readers ignore fields they do not know).
inline constexpr int kLeadExchangeVersion = 1;

Result<std::unique_ptr<LeadWriter>> openJsonLinesWriter(const std::filesystem::path& file,
                                                        const WriterOptions& options);

// The header line, without its line end: the format, its version, exported_utc, and the
// options' device_id, stand_name, producers and producer_names (and merged, merged_from).
std::string leadExchangeHeader(const WriterOptions& options, const std::string& exportedUtc);
std::string leadExchangeHeader(const std::string& deviceId, const std::string& exportedUtc);

}  // namespace etalase::exporting
