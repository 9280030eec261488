#include "kiosk/export/producer_files.h"

#include <fmt/format.h>

#include <system_error>

#include "kiosk/export/export_file_name.h"

namespace etalase::exporting {

namespace fs = std::filesystem;

ProducerFiles::ProducerFiles(fs::path folder, ExportFormat format, WriterOptions options)
    : m_folder(std::move(folder)), m_format(format), m_options(std::move(options)) {}

Result<ProducerFiles::Output*> ProducerFiles::outputFor(const std::string& producerId) {
  if (auto it = m_outputs.find(producerId); it != m_outputs.end()) return it->second.get();
  if (m_outputs.empty()) {
    std::error_code ec;
    fs::create_directories(m_folder, ec);
    if (ec) return Error{m_folder.string(), "creating the folder: " + ec.message()};
  }
  const std::string base = fileNameSafe(producerId);
  std::string name = fmt::format("{}.{}", base, fileExtension(m_format));
  for (int n = 2; m_usedNames.count(name); ++n) {
    name = fmt::format("{}-{}.{}", base, n, fileExtension(m_format));
  }
  m_usedNames.emplace(name, producerId);

  WriterOptions options = m_options;
  options.producerOfProduct.clear();
  for (const auto& [product, producer] : m_options.producerOfProduct) {
    if (producer == producerId) options.producerOfProduct.emplace(product, producer);
  }
  options.producerNames.clear();
  if (auto it = m_options.producerNames.find(producerId); it != m_options.producerNames.end()) {
    options.producerNames.insert(*it);
  }
  auto output = std::make_unique<Output>(Output{PartialExport(m_folder / name), nullptr, 0});
  auto writer = openWriter(m_format, output->partial.partialFile(), options);
  if (!writer) return output->partial.named(writer.error());
  output->writer = std::move(writer.value());
  return m_outputs.emplace(producerId, std::move(output)).first->second.get();
}

std::optional<Error> ProducerFiles::write(const std::string& producerId, const leads::Lead& lead,
                                          const MergedFields& fields) {
  auto output = outputFor(producerId);
  if (!output) return output.error();
  if (auto error = output.value()->writer->write(lead, &fields)) {
    return output.value()->partial.named(*error);
  }
  ++output.value()->leads;
  return std::nullopt;
}

Result<std::vector<ProducerFile>> ProducerFiles::finish() {
  std::vector<ProducerFile> written;
  for (auto& [producerId, output] : m_outputs) {
    if (auto error = output->writer->finish()) return output->partial.named(*error);
    output->writer.reset();
    auto bytes = output->partial.commit(m_format, output->leads, true);
    if (!bytes) return bytes.error();
    written.push_back({producerId, output->partial.finalFile(), output->leads});
  }
  return written;
}

}  // namespace etalase::exporting
