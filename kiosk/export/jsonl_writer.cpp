#include "kiosk/export/jsonl_writer.h"

#include <nlohmann/json.hpp>

#include "kiosk/export/file_sink.h"
#include "kiosk/export/lead_json.h"
#include "kiosk/leads/uuid.h"

namespace etalase::exporting {

namespace {

class JsonLinesWriter final : public LeadWriter {
 public:
  JsonLinesWriter(FileSink sink, bool merged) : m_sink(std::move(sink)), m_merged(merged) {}

  std::optional<Error> writeLine(std::string line) {
    line += '\n';
    return m_sink.append(line);
  }
  // The same object per lead as the pending-leads file (lead_json.h), in a reused buffer.
  using LeadWriter::write;
  std::optional<Error> write(const leads::Lead& lead, const MergedFields* merged) override {
    m_line.clear();
    appendLeadJson(m_line, lead);
    if (m_merged) appendMerged(merged);
    m_line += '\n';
    return m_sink.append(m_line);
  }
  std::optional<Error> finish() override { return m_sink.close(); }

 private:
  // The merge's keys after the lead's own, inside its object: a reader of the plain format reads
  // the lead and ignores them.
  void appendMerged(const MergedFields* merged) {
    static const MergedFields kNone;
    const MergedFields& fields = merged ? *merged : kNone;
    m_line.pop_back();  // the object's closing brace
    m_line += ",\"stand_name\":";
    appendJsonString(m_line, fields.standName);
    m_line += ",\"same_person\":";
    appendJsonString(m_line, fields.samePerson);
    m_line += ",\"seen_at_stands\":[";
    for (std::size_t i = 0; i < fields.seenAtStands.size(); ++i) {
      if (i > 0) m_line += ',';
      appendJsonString(m_line, fields.seenAtStands[i]);
    }
    m_line += "]}";
  }

  FileSink m_sink;
  bool m_merged;
  std::string m_line;
};

}  // namespace

std::string leadExchangeHeader(const WriterOptions& options, const std::string& exportedUtc) {
  // ordered_json: "format" first, so that a person (or `head -c 40`) sees what the file is.
  nlohmann::ordered_json header = {{"format", kLeadExchangeFormat},
                                   {"version", kLeadExchangeVersion},
                                   {"exported_utc", exportedUtc},
                                   {"device_id", options.deviceId},
                                   {"stand_name", options.standName},
                                   {"producers", options.producerOfProduct},
                                   {"producer_names", options.producerNames}};
  if (options.mergedColumns) {
    header["merged"] = true;
    header["merged_from"] = options.mergedFrom;
  }
  return header.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string leadExchangeHeader(const std::string& deviceId, const std::string& exportedUtc) {
  WriterOptions options;
  options.deviceId = deviceId;
  return leadExchangeHeader(options, exportedUtc);
}

Result<std::unique_ptr<LeadWriter>> openJsonLinesWriter(const std::filesystem::path& file,
                                                        const WriterOptions& options) {
  auto sink = FileSink::create(file);
  if (!sink) return sink.error();
  auto writer = std::make_unique<JsonLinesWriter>(std::move(sink.value()), options.mergedColumns);
  const std::string exported = options.exportedUtc.empty()
                                   ? leads::utcTimestamp(std::chrono::system_clock::now())
                                   : options.exportedUtc;
  if (auto error = writer->writeLine(leadExchangeHeader(options, exported))) {
    return *error;
  }
  return std::unique_ptr<LeadWriter>(std::move(writer));
}

}  // namespace etalase::exporting
