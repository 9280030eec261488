#include "kiosk/export/jsonl_reader.h"

#include <fmt/format.h>

#include <array>
#include <cstring>
#include <nlohmann/json.hpp>

#include "kiosk/export/jsonl_writer.h"
#include "kiosk/leads/store_pending.h"

namespace etalase::exporting {

namespace {

using nlohmann::json;

// Splits the stream into lines without ever holding more than kMaxLeadLineBytes of one.
class LineSplitter {
 public:
  explicit LineSplitter(std::istream& in) : m_in(in) {}

  // false at the end of the input. `tooLong`: the line was skipped; `unterminated`: it is the
  // last one and has no line end.
  bool next(std::string& line, bool& tooLong, bool& unterminated) {
    line.clear();
    tooLong = false;
    for (;;) {
      if (m_pos == m_size && !refill()) {
        unterminated = true;
        return !line.empty() || tooLong;
      }
      const char* start = m_chunk.data() + m_pos;
      const void* end = std::memchr(start, '\n', m_size - m_pos);
      const std::size_t n = end ? static_cast<const char*>(end) - start : m_size - m_pos;
      if (!tooLong && line.size() + n > kMaxLeadLineBytes) {
        tooLong = true;
        line.clear();
      }
      if (!tooLong) line.append(start, n);
      m_pos += n;
      if (end) {
        ++m_pos;
        unterminated = false;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
      }
    }
  }

  bool failed() const { return m_in.bad(); }

 private:
  bool refill() {
    if (!m_in) return false;
    m_in.read(m_chunk.data(), static_cast<std::streamsize>(m_chunk.size()));
    m_size = static_cast<std::size_t>(m_in.gcount());
    m_pos = 0;
    return m_size > 0;
  }

  std::istream& m_in;
  std::array<char, 64 * 1024> m_chunk{};
  std::size_t m_pos = 0;
  std::size_t m_size = 0;
};

std::optional<Error> readHeader(const std::string& line, const std::string& where,
                                LeadLinesSummary& summary) {
  const json header = json::parse(line, nullptr, false);
  if (!header.is_object() || header.value("format", json()) != kLeadExchangeFormat) {
    return Error{where, fmt::format("not an Etalase lead file (the first line is not a \"{}\" "
                                    "header)", kLeadExchangeFormat)};
  }
  const json version = header.value("version", json());
  if (!version.is_number_integer() || version.get<std::int64_t>() < 1) {
    return Error{where, "the header has no valid format version"};
  }
  if (version.get<std::int64_t>() > kLeadExchangeVersion) {
    return Error{where, fmt::format("written in version {} of the lead format; this program reads "
                                    "version {} and older: update it to read this file",
                                    version.get<std::int64_t>(), kLeadExchangeVersion)};
  }
  summary.version = version.get<int>();
  const auto text = [&](const char* key, std::string& into) {
    const json value = header.value(key, json());
    if (value.is_string()) into = value.get<std::string>();
  };
  text("device_id", summary.deviceId);
  text("exported_utc", summary.exportedUtc);
  text("stand_name", summary.standName);
  // Entries of the wrong type are left out: the leads are still worth reading without them.
  const auto map = [&](const char* key, std::map<std::string, std::string>& into) {
    const json value = header.value(key, json());
    if (!value.is_object()) return;
    for (const auto& [from, to] : value.items()) {
      if (to.is_string()) into.emplace(from, to.get<std::string>());
    }
  };
  map("producers", summary.producerOfProduct);
  map("producer_names", summary.producerNames);
  summary.merged = header.value("merged", json()) == true;
  const json from = header.value("merged_from", json());
  if (from.is_number_integer()) summary.mergedFrom = from.get<std::int64_t>();
  return std::nullopt;
}

// A merged file's lead line carries the stand it came from (jsonl_writer.cpp's appendMerged).
std::string lineStandName(const std::string& line) {
  const json object = json::parse(line, nullptr, false);
  if (!object.is_object()) return {};
  const json stand = object.value("stand_name", json());
  return stand.is_string() ? stand.get<std::string>() : std::string();
}

}  // namespace

Result<LeadLinesSummary> readLeadLines(std::istream& in, const std::string& fileName,
                                       const OnLead& onLead, const OnProblem& onProblem) {
  return readLeadLinesWithHeader(
      in, fileName, [&](leads::Lead&& lead, const LeadLine&) { onLead(std::move(lead)); },
      onProblem);
}

Result<LeadLinesSummary> readLeadLinesWithHeader(std::istream& in, const std::string& fileName,
                                                 const OnLeadLine& onLead,
                                                 const OnProblem& onProblem) {
  LeadLinesSummary summary;
  LineSplitter lines(in);
  std::string line;
  bool tooLong = false;
  bool unterminated = false;
  std::int64_t number = 0;
  bool haveHeader = false;
  while (lines.next(line, tooLong, unterminated)) {
    ++number;
    const auto problem = [&](std::string_view what) {
      ++summary.problems;
      onProblem(number, fmt::format("{}:{}: {}", fileName, number, what));
    };
    if (!haveHeader) {
      if (tooLong) return Error{fmt::format("{}:1", fileName), "the header line is too long"};
      if (auto error = readHeader(line, fmt::format("{}:{}", fileName, number), summary)) {
        return *error;
      }
      haveHeader = true;
      continue;
    }
    if (tooLong) {
      problem(fmt::format("longer than {} bytes, skipped", kMaxLeadLineBytes));
      continue;
    }
    if (line.empty()) continue;
    auto lead = leads::leadFromJsonLine(line);
    if (!lead) {
      // An export cut short (stick pulled) ends in half a line: say so rather than "bad JSON".
      problem(unterminated ? fmt::format("the last line is cut short ({})", lead.error().what)
                           : lead.error().what);
      continue;
    }
    ++summary.leads;
    onLead(std::move(lead.value()),
           LeadLine{summary, number, summary.merged ? lineStandName(line) : summary.standName});
  }
  if (lines.failed()) return Error{fileName, fmt::format("reading failed after line {}", number)};
  if (!haveHeader) return Error{fileName, "empty: not an Etalase lead file"};
  return summary;
}

}  // namespace etalase::exporting
