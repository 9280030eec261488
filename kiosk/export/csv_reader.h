// A small, strict RFC 4180 reader, fed in pieces: enough to read back what csv_writer wrote and
// check it (ExportJob), never a general CSV importer. Records end with CRLF or LF; a field is
// quoted ("..." with "" for a quote) or plain; anything else is a malformed file.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace etalase::exporting {

class CsvReader {
 public:
  using OnRecord = std::function<void(const std::vector<std::string>& fields)>;
  explicit CsvReader(OnRecord onRecord) : m_onRecord(std::move(onRecord)) {}

  // The reason the bytes are not CSV (with the record's number, 1-based), else nullopt. Once
  // malformed, the rest is ignored.
  std::optional<std::string> feed(std::string_view bytes);
  // Ends the input: a last record without a line end is a record; an open quote is malformed.
  std::optional<std::string> finish();

  std::int64_t records() const { return m_records; }

 private:
  enum class State { FieldStart, Plain, Quoted, QuoteInQuoted, AfterCr };
  void endField();
  void endRecord();
  std::optional<std::string> fail(std::string_view what);

  OnRecord m_onRecord;
  State m_state = State::FieldStart;
  std::string m_field;
  std::vector<std::string> m_fields;
  std::int64_t m_records = 0;
  std::optional<std::string> m_failure;
};

}  // namespace etalase::exporting
