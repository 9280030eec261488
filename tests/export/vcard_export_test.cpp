// vCard 4.0 for address books: escaped and folded per RFC 6350, and read back by python3-vobject
// (an independent parser) with the name, e-mail and phone intact.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "export_test_leads.h"
#include "kiosk/export/vcard_writer.h"
#include "test_support.h"

namespace etalase::exporting {
namespace {

namespace fs = std::filesystem;

// Each physical line: at most 75 octets, whole UTF-8 sequences, ending in CRLF.
void expectFoldedLines(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "a line without CRLF at byte " << start;
    const std::string line = text.substr(start, end - start);
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << "a bare CR or LF: " << line;
    const auto first = static_cast<unsigned char>(line.empty() ? 'x' : line[0]);
    EXPECT_NE(first & 0xC0, 0x80) << "a line starts inside a UTF-8 sequence: " << line;
    if (!line.empty()) {
      std::size_t k = line.size() - 1;
      while (k > 0 && (static_cast<unsigned char>(line[k]) & 0xC0) == 0x80) --k;
      const auto lead = static_cast<unsigned char>(line[k]);
      const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      EXPECT_EQ(line.size() - k, length) << "a line ends inside a UTF-8 sequence: " << line;
    }
    start = end + 2;
  }
}

TEST(VCardExport, TextIsEscapedPerRfc6350) {
  EXPECT_EQ(escapeVCardText("a\\b,c;d\ne\r\nf\rg"), "a\\\\b\\,c\\;d\\ne\\nf\\ng");
  EXPECT_EQ(escapeVCardText("王芳 👩🏽‍💼"), "王芳 👩🏽‍💼");
}

TEST(VCardExport, LongLinesFoldAt75OctetsBetweenUtf8Sequences) {
  for (const std::string unit : {"a", "é", "写", "🎉"}) {
    for (std::size_t offset = 0; offset < 4; ++offset) {
      std::string line = "NOTE:" + std::string(offset, 'x');
      while (line.size() < 400) line += unit;
      std::string out;
      appendFoldedLine(out, line);
      expectFoldedLines(out);
      std::string unfolded = out.substr(0, out.size() - 2);
      for (std::size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) {
        unfolded.erase(at, 3);
      }
      EXPECT_EQ(unfolded, line);
    }
  }
}

TEST(VCardExport, ACardHasTheRfc6350Properties) {
  const std::string card = leadVCard(test::hostileLead());
  expectFoldedLines(card);
  EXPECT_EQ(card.rfind("BEGIN:VCARD\r\nVERSION:4.0\r\n", 0), 0u);
  EXPECT_NE(card.find("\r\nTEL;VALUE=uri:tel:+8613812345678\r\n"), std::string::npos);
  EXPECT_NE(card.find("\r\nEMAIL:wang.fang+kiosk@163.com\r\n"), std::string::npos);
  EXPECT_NE(card.find("\r\nUID:urn:uuid:3f2b9c1e-8a4d-4f6b-9c2e-1d5a7b8e9f00\r\n"),
            std::string::npos);
  EXPECT_NE(card.find("\r\nREV:20261202T171300Z\r\n"), std::string::npos);
  EXPECT_NE(card.find("\r\nADR:;;;;;;CN\r\n"), std::string::npos);
  EXPECT_NE(card.find("\r\nORG:')\\; DROP TABLE leads\\;--\r\n"), std::string::npos);
  EXPECT_EQ(card.substr(card.size() - 11), "END:VCARD\r\n");
}

TEST(VCardExport, AHostileUuidOrPhoneCannotAddLines) {
  leads::Lead lead = test::hostileLead();
  lead.uuid = "x\r\nEMAIL:attacker@example.com";
  lead.phone = "+1\r\nURL:http://evil";
  const std::string card = leadVCard(lead);
  EXPECT_EQ(card.find("\r\nEMAIL:attacker"), std::string::npos);
  EXPECT_EQ(card.find("\r\nURL:"), std::string::npos);
  expectFoldedLines(card);
}

TEST(VCardExport, Python3VobjectReadsNameEmailAndPhoneBack) {
  const fs::path dir = ::etalase::test::freshTempDirectory("vcard-vobject");
  const fs::path file = dir / "leads.vcf";
  const auto leads = test::hostileLeads();
  test::writeLeads(ExportFormat::VCard, file, leads);
  expectFoldedLines(test::readFile(file));
  test::writeFile(dir / "read.py",
                  "import json, sys, vobject\n"
                  "text = open(sys.argv[1], encoding='utf-8', newline='').read()\n"
                  "cards = []\n"
                  "for card in vobject.readComponents(text):\n"
                  "    get = lambda name: [c.value for c in card.contents.get(name, [])]\n"
                  "    cards.append({'fn': get('fn'), 'email': get('email'), 'tel': get('tel'),\n"
                  "                  'uid': get('uid'), 'note': get('note'),\n"
                  "                  'version': get('version')})\n"
                  "print(json.dumps(cards))\n");
  int status = 0;
  const std::string output = test::run(test::python() + " " +
                                           test::shellQuote((dir / "read.py").string()) + " " +
                                           test::shellQuote(file.string()) + " 2>&1",
                                       status);
  ASSERT_EQ(status, 0) << "python3-vobject (tools/install-deps) could not read it:\n" << output;
  const nlohmann::json cards = nlohmann::json::parse(output);
  ASSERT_EQ(cards.size(), leads.size());
  for (std::size_t i = 0; i < leads.size(); ++i) {
    const leads::Lead& lead = leads[i];
    const nlohmann::json& card = cards[i];
    SCOPED_TRACE(lead.uuid);
    EXPECT_EQ(card["version"], nlohmann::json::array({"4.0"}));
    const std::string fn = !lead.name.empty() ? lead.name : !lead.company.empty() ? lead.company
                                                                                  : lead.email;
    EXPECT_EQ(card["fn"], nlohmann::json::array({fn}));
    EXPECT_EQ(card["email"], nlohmann::json::array({lead.email}));
    if (lead.phone.empty()) {
      EXPECT_EQ(card["tel"], nlohmann::json::array());
    } else {
      EXPECT_EQ(card["tel"], nlohmann::json::array({"tel:" + lead.phone}));
    }
    EXPECT_EQ(card["uid"], nlohmann::json::array({"urn:uuid:" + lead.uuid}));
  }
  // The message keeps its line breaks (as LF), commas, semicolons and backslashes.
  const std::string note = cards[0]["note"][0];
  EXPECT_EQ(note.rfind("مرحبا، نريد عينات من الباتيك\nsecond line, \"quoted\"\nthird; \\ end ", 0),
            0u)
      << note;
  EXPECT_NE(note.find("\n\nProducts: batik-tulis-lasem, pekalongan-sarong, teak-root-table"),
            std::string::npos);
}

}  // namespace
}  // namespace etalase::exporting
