// Leads as vCard 4.0 (RFC 6350), one card per lead, for importing into an address book or a CRM:
// FN, N, ORG, EMAIL, TEL (a tel: URI), ADR (the country only), NOTE (the message and the
// products), UID (urn:uuid:) and REV (when the lead was made). CRLF line ends, lines folded at
// 75 octets, never inside a UTF-8 sequence.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/export/lead_writer.h"

namespace etalase::exporting {

Result<std::unique_ptr<LeadWriter>> openVCardWriter(const std::filesystem::path& file);

// One lead's card, BEGIN:VCARD to END:VCARD, each line ending in CRLF.
std::string leadVCard(const leads::Lead& lead);

// RFC 6350 3.4: backslash, comma, semicolon and line breaks escaped (CRLF, CR or LF -> \n).
std::string escapeVCardText(std::string_view text);
// Appends `line` (without line end) folded into lines of at most 75 octets, each ending in
// CRLF, continuation lines starting with a space.
void appendFoldedLine(std::string& out, std::string_view line);

}  // namespace etalase::exporting
