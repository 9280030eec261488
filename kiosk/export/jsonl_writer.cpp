#include "kiosk/export/jsonl_writer.h"

#include <nlohmann/json.hpp>

#include "kiosk/export/file_sink.h"
#include "kiosk/export/lead_json.h"
#include "kiosk/leads/uuid.h"

namespace etalase::exporting {

namespace {

class JsonLinesWriter final : public LeadWriter {
 public:
  explicit JsonLinesWriter(FileSink sink) : m_sink(std::move(sink)) {}

  std::optional<Error> writeLine(std::string line) {
    line += '\n';
    return m_sink.append(line);
  }
  // The same object per lead as the pending-leads file (lead_json.h), in a reused buffer.
  std::optional<Error> write(const leads::Lead& lead) override {
    m_line.clear();
    appendLeadJson(m_line, lead);
    m_line += '\n';
    return m_sink.append(m_line);
  }
  std::optional<Error> finish() override { return m_sink.close(); }

 private:
  FileSink m_sink;
  std::string m_line;
};

}  // namespace

std::string leadExchangeHeader(const std::string& deviceId, const std::string& exportedUtc) {
  // ordered_json: "format" first, so that a person (or `head -c 40`) sees what the file is.
  const nlohmann::ordered_json header = {{"format", kLeadExchangeFormat},
                                 {"version", kLeadExchangeVersion},
                                 {"exported_utc", exportedUtc},
                                 {"device_id", deviceId}};
  return header.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Result<std::unique_ptr<LeadWriter>> openJsonLinesWriter(const std::filesystem::path& file,
                                                        const WriterOptions& options) {
  auto sink = FileSink::create(file);
  if (!sink) return sink.error();
  auto writer = std::make_unique<JsonLinesWriter>(std::move(sink.value()));
  const std::string exported = options.exportedUtc.empty()
                                   ? leads::utcTimestamp(std::chrono::system_clock::now())
                                   : options.exportedUtc;
  if (auto error = writer->writeLine(leadExchangeHeader(options.deviceId, exported))) {
    return *error;
  }
  return std::unique_ptr<LeadWriter>(std::move(writer));
}

}  // namespace etalase::exporting
