#include "export_test_leads.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

namespace etalase::exporting::test {

namespace fs = std::filesystem;

leads::Lead hostileLead(int n) {
  leads::Lead lead;
  lead.uuid = fmt::format("3f2b9c1e-8a4d-4f6b-9c2e-{:012x}", 0x1d5a7b8e9f00 + n);
  lead.deviceId = "kiosk-07";
  lead.createdUtc = fmt::format("2026-12-02T17:13:{:02}.123Z", n % 60);
  lead.packId = "etalase-demo";
  lead.producerId = "lasem-batik";
  lead.productIds = {"batik-tulis-lasem", "pekalongan-sarong", "teak-root-table"};
  lead.name = "王芳 (Wáng Fāng) 👩🏽‍💼, \"Boss\"";
  lead.company = "'); DROP TABLE leads;--";
  lead.countryCode = "CN";
  lead.email = "wang.fang+kiosk@163.com";
  lead.phone = "+8613812345678";
  lead.buyerType = "importer";
  lead.orderVolume = "=HYPERLINK(\"http://x\")";
  lead.preferredLanguage = "zh";
  std::string message = "مرحبا، نريد عينات من الباتيك\nsecond line, \"quoted\"\r\nthird; \\ end ";
  std::size_t characters = 0;
  for (char c : message) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  const char* filler[] = {"写", "真", "🎉", "a", "b", ",", "\"", "c", "\"", " "};
  for (std::size_t k = 0; characters < 2000; ++k, ++characters) message += filler[k % 10];
  lead.message = message;  // 2,000 characters
  lead.visitorLanguage = "ar";
  lead.consentGiven = true;
  lead.consentVersion = "2026-11-v1";
  lead.consentLanguage = "ar";
  lead.source = leads::kSourceScannedCamera;
  lead.rawCard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王芳\r\nEND:VCARD\r\n";
  return lead;
}

std::vector<leads::Lead> hostileLeads() {
  std::vector<leads::Lead> all;
  all.push_back(hostileLead(0));
  leads::Lead rtl = hostileLead(1);
  rtl.name = "محمد العلي\u200F";
  rtl.company = "@SUM(1+1)*cmd|' /C calc'!A0";
  rtl.orderVolume = "-2+3";
  rtl.message = "\ttab first";
  rtl.productIds = {};
  rtl.consentGiven = false;
  all.push_back(rtl);
  leads::Lead plain = hostileLead(2);
  plain.name = "Budi Santoso";
  plain.company = "PT Nusantara";
  plain.phone = "+6281234567890";
  plain.message = "";
  plain.rawCard = "";
  plain.orderVolume = "100 pcs";
  plain.productIds = {"batik-tulis-lasem"};
  all.push_back(plain);
  leads::Lead empty = hostileLead(3);
  empty.name = "";
  empty.company = "";
  empty.email = "only@example.com";
  empty.phone = "";
  empty.message = "\r=1+1";
  all.push_back(empty);
  return all;
}

leads::LeadStore storeWith(const fs::path& file, const std::vector<leads::Lead>& leads) {
  auto store = leads::LeadStore::open(file);
  if (!store) throw std::runtime_error(store.error().text());
  for (const leads::Lead& lead : leads) {
    if (auto error = store.value().add(lead)) throw std::runtime_error(error->text());
  }
  return std::move(store.value());
}

void writeLeads(ExportFormat format, const fs::path& file, const std::vector<leads::Lead>& leads,
                const WriterOptions& options) {
  auto writer = openWriter(format, file, options);
  ASSERT_TRUE(writer) << writer.error().text();
  for (const leads::Lead& lead : leads) {
    auto error = writer.value()->write(lead);
    ASSERT_FALSE(error) << error->text();
  }
  auto error = writer.value()->finish();
  ASSERT_FALSE(error) << error->text();
}

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void writeFile(const fs::path& file, const std::string& content) {
  std::ofstream(file, std::ios::binary) << content;
}

std::string run(const std::string& command, int& status) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) {
    status = -1;
    return {};
  }
  std::string output;
  std::array<char, 4096> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) {
    output.append(buffer.data(), n);
  }
  status = ::pclose(pipe.release());
  return output;
}

std::string shellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string python() { return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

std::string libreOffice() {
  for (const char* name : {"soffice", "libreoffice"}) {
    int status = 0;
    const std::string path = run(fmt::format("command -v {} 2>/dev/null", name), status);
    if (status == 0 && !path.empty()) return path.substr(0, path.find('\n'));
  }
  return {};
}

std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
  // Index-based, whole text at once: a different shape from the library's streaming reader.
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::size_t i = 0;
  while (i < text.size()) {
    std::string field;
    if (text[i] == '"') {
      for (++i;; ++i) {
        if (i >= text.size()) throw std::runtime_error("unterminated quoted field");
        if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else if (text[i] == '"') {
          ++i;
          break;
        } else {
          field += text[i];
        }
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') throw std::runtime_error("quote in an unquoted field");
        field += text[i++];
      }
    }
    record.push_back(std::move(field));
    if (i < text.size() && text[i] == ',') {
      ++i;
      if (i == text.size()) record.emplace_back();
      continue;
    }
    if (text.compare(i, 2, "\r\n") == 0) {
      i += 2;
    } else if (i < text.size() && text[i] == '\n') {
      ++i;
    } else if (i < text.size()) {
      throw std::runtime_error("text after a field");
    }
    records.push_back(std::move(record));
    record.clear();
  }
  if (!record.empty()) records.push_back(std::move(record));
  return records;
}

std::vector<std::string> columnNames() {
  std::vector<std::string> names;
  for (const auto& field : leads::kLeadTextFields) names.emplace_back(field.column);
  names.emplace_back("consent_given");
  names.emplace_back("product_ids");
  return names;
}

std::vector<std::string> plainCells(const leads::Lead& lead) {
  std::vector<std::string> cells;
  for (const auto& field : leads::kLeadTextFields) cells.push_back(lead.*field.member);
  cells.emplace_back(lead.consentGiven ? "yes" : "no");
  std::string products;
  for (const auto& id : lead.productIds) products += (products.empty() ? "" : ";") + id;
  cells.push_back(products);
  return cells;
}

}  // namespace etalase::exporting::test
