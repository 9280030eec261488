#include "kiosk/export/csv_reader.h"

#include <fmt/format.h>

namespace etalase::exporting {

std::optional<std::string> CsvReader::fail(std::string_view what) {
  m_failure = fmt::format("CSV record {}: {}", m_records + 1, what);
  return m_failure;
}

void CsvReader::endField() {
  m_fields.push_back(std::move(m_field));
  m_field.clear();
}

void CsvReader::endRecord() {
  endField();
  ++m_records;
  m_onRecord(m_fields);
  m_fields.clear();
}

std::optional<std::string> CsvReader::feed(std::string_view bytes) {
  if (m_failure) return m_failure;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    switch (m_state) {
      case State::AfterCr:
        if (c != '\n') return fail("a carriage return outside quotes without a line feed");
        endRecord();
        m_state = State::FieldStart;
        break;
      case State::FieldStart:
      case State::Plain:
        if (c == '"' && m_state == State::FieldStart) {
          m_state = State::Quoted;
        } else if (c == '"') {
          return fail("a double quote inside a field that is not quoted");
        } else if (c == ',') {
          endField();
          m_state = State::FieldStart;
        } else if (c == '\r') {
          m_state = State::AfterCr;
        } else if (c == '\n') {
          endRecord();
          m_state = State::FieldStart;
        } else {
          // The rest of the plain field in one go.
          std::size_t end = i;
          while (end < bytes.size() && bytes[end] != ',' && bytes[end] != '"' &&
                 bytes[end] != '\r' && bytes[end] != '\n') {
            ++end;
          }
          m_field.append(bytes.substr(i, end - i));
          i = end - 1;
          m_state = State::Plain;
        }
        break;
      case State::Quoted: {
        // Everything up to the next double quote is the field's.
        const std::size_t quote = bytes.find('"', i);
        m_field.append(bytes.substr(i, quote == std::string_view::npos ? quote : quote - i));
        if (quote == std::string_view::npos) return std::nullopt;
        i = quote;
        m_state = State::QuoteInQuoted;
        break;
      }
      case State::QuoteInQuoted:
        if (c == '"') {
          m_field += '"';
          m_state = State::Quoted;
        } else if (c == ',') {
          endField();
          m_state = State::FieldStart;
        } else if (c == '\r') {
          m_state = State::AfterCr;
        } else if (c == '\n') {
          endRecord();
          m_state = State::FieldStart;
        } else {
          return fail("text after a closing double quote");
        }
        break;
    }
  }
  return std::nullopt;
}

std::optional<std::string> CsvReader::finish() {
  if (m_failure) return m_failure;
  switch (m_state) {
    case State::Quoted: return fail("the file ends inside a quoted field");
    case State::AfterCr: return fail("a carriage return at the end without a line feed");
    case State::FieldStart:
      // Nothing after the last line end: no record. (A record ending in an empty field after a
      // comma has fields already.)
      if (m_fields.empty()) return std::nullopt;
      endRecord();
      return std::nullopt;
    case State::Plain:
    case State::QuoteInQuoted: endRecord(); return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace etalase::exporting
