// Shared by the export tests: leads made to break exporters, a store holding them, and running
// the independent readers (Python, LibreOffice) the exports are checked with.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/export/lead_writer.h"
#include "kiosk/leads/lead.h"
#include "kiosk/leads/lead_store.h"

namespace etalase::exporting::test {

// Chinese, emoji, right-to-left text, a spreadsheet formula, SQL, quotes, commas, line breaks,
// a 2,000-character message; `n` makes the uuid and the time distinct.
leads::Lead hostileLead(int n = 0);
// hostileLead() variations plus a few plain ones: every field shape the exporters meet.
std::vector<leads::Lead> hostileLeads();

leads::LeadStore storeWith(const std::filesystem::path& file, const std::vector<leads::Lead>& leads);

// Writes `leads` with the format's writer straight to `file` (no store, no job).
void writeLeads(ExportFormat format, const std::filesystem::path& file,
                const std::vector<leads::Lead>& leads, const WriterOptions& options = {});

std::string readFile(const std::filesystem::path& file);
void writeFile(const std::filesystem::path& file, const std::string& content);

// Runs a shell command; its standard output, and its exit status in `status`.
std::string run(const std::string& command, int& status);
// A word for the shell: 'text' with single quotes escaped.
std::string shellQuote(const std::string& text);
// Debian's python3 (where python3-vobject is installed), else the python3 on PATH.
std::string python();
// soffice or libreoffice on PATH, else empty.
std::string libreOffice();

// A strict RFC 4180 parser written apart from kiosk/export's: every record, fields unquoted.
std::vector<std::vector<std::string>> parseCsv(const std::string& text);

// The header row the spreadsheet exports have, and a lead's cells in it (no neutralising).
std::vector<std::string> columnNames();
std::vector<std::string> plainCells(const leads::Lead& lead);

}  // namespace etalase::exporting::test
