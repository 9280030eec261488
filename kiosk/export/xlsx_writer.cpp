#include "kiosk/export/xlsx_writer.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "kiosk/export/lead_columns.h"
#include "kiosk/export/utf8_text.h"

namespace etalase::exporting {

namespace {

// A cell holds at most 32,767 UTF-16 units in Excel; a longer text (a hostile raw card) is cut
// there, with an ellipsis, rather than making a file Excel calls damaged. CSV and JSON Lines keep
// it whole.
constexpr std::size_t kMaxCellUnits = 32767;

// A workbook abandoned before finish() (an error, a cancelled export) is freed without writing
// anything. workbook_close() writes and frees: finish() releases the handle to it.
struct WorkbookDiscarder {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookDiscarder>;

// The text as a cell can hold it: ill-formed UTF-8 (which would break the sheet's XML) replaced
// by U+FFFD, and cut to kMaxCellUnits. Returns `text` itself when it is fine, else `scratch`.
std::string_view cellText(std::string_view text, std::string& scratch) {
  std::size_t total = 0;
  bool wellFormed = true;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Sequence sequence = utf8SequenceAt(text, i);
    wellFormed = wellFormed && sequence.wellFormed;
    total += sequence.length == 4 ? 2 : 1;  // UTF-16 units: a character beyond U+FFFF takes two
    i += sequence.length;
  }
  if (wellFormed && total <= kMaxCellUnits) return text;
  const bool cut = total > kMaxCellUnits;
  scratch.clear();
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Sequence sequence = utf8SequenceAt(text, i);
    const std::size_t width = sequence.length == 4 ? 2 : 1;
    if (cut && units + width > kMaxCellUnits - 1) break;  // room for the ellipsis
    scratch += sequence.wellFormed ? text.substr(i, sequence.length) : kReplacementCharacter;
    units += width;
    i += sequence.length;
  }
  if (cut) scratch += "\xE2\x80\xA6";  // …
  return scratch;
}

Error xlsxError(const std::filesystem::path& file, std::string_view what, lxw_error error) {
  return Error{file.string(), fmt::format("{}: {}", what, lxw_strerror(error))};
}

class XlsxWriter final : public LeadWriter {
 public:
  XlsxWriter(std::filesystem::path file, WorkbookPtr workbook, lxw_worksheet* sheet, bool merged)
      : m_file(std::move(file)), m_workbook(std::move(workbook)), m_sheet(sheet), m_merged(merged) {}

  std::optional<Error> writeRow(const std::vector<std::string_view>& cells, lxw_format* format) {
    if (m_row >= LXW_ROW_MAX) {
      return Error{m_file.string(), "more leads than one Excel sheet holds (1,048,575)"};
    }
    for (std::size_t column = 0; column < cells.size(); ++column) {
      m_text.assign(cellText(cells[column], m_scratch));
      // worksheet_write_string() stores text as text: never parsed as a formula or a number.
      const lxw_error error = worksheet_write_string(
          m_sheet, m_row, static_cast<lxw_col_t>(column), m_text.c_str(), format);
      if (error != LXW_NO_ERROR) return xlsxError(m_file, "writing a cell", error);
    }
    ++m_row;
    return std::nullopt;
  }

  using LeadWriter::write;
  std::optional<Error> write(const leads::Lead& lead, const MergedFields* merged) override {
    leadCells(lead, m_cells, m_products);
    if (m_merged) appendMergedCells(merged, m_cells, m_stands);
    return writeRow(m_cells, nullptr);
  }

  std::optional<Error> finish() override {
    if (!m_workbook) return Error{m_file.string(), "finished twice"};
    const lxw_error error = workbook_close(m_workbook.release());
    if (error != LXW_NO_ERROR) return xlsxError(m_file, "writing the workbook", error);
    return std::nullopt;
  }

 private:
  std::filesystem::path m_file;
  WorkbookPtr m_workbook;
  lxw_worksheet* m_sheet;  // owned by the workbook
  bool m_merged;
  std::string m_stands;
  lxw_row_t m_row = 0;
  std::vector<std::string_view> m_cells;
  std::string m_products;
  std::string m_scratch;
  std::string m_text;  // NUL-terminated copy for the C API
};

}  // namespace

Result<std::unique_ptr<LeadWriter>> openXlsxWriter(const std::filesystem::path& file,
                                                   const WriterOptions& writerOptions) {
  // constant_memory: each row goes to a temporary file as soon as the next one starts, so
  // 100,000 leads take no more memory than ten (rows must then be written in order, as here).
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  WorkbookPtr workbook(workbook_new_opt(file.c_str(), &options));
  if (!workbook) return Error{file.string(), "creating the workbook: out of memory"};
  lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), "Leads");
  lxw_format* bold = workbook_add_format(workbook.get());
  if (!sheet || !bold) return Error{file.string(), "creating the workbook's sheet"};
  format_set_bold(bold);
  const bool merged = writerOptions.mergedColumns;
  const std::size_t columns = merged ? kMergedColumnCount : kLeadColumnCount;
  worksheet_set_column(sheet, 0, static_cast<lxw_col_t>(columns - 1), 18, nullptr);
  worksheet_freeze_panes(sheet, 1, 0);
  auto writer = std::make_unique<XlsxWriter>(file, std::move(workbook), sheet, merged);
  if (auto error = writer->writeRow(leadColumnNames(merged), bold)) return *error;
  return std::unique_ptr<LeadWriter>(std::move(writer));
}

}  // namespace etalase::exporting
