// Reads a PDF on stdin and writes the text of each page as a JSON array (unpdf, pdf.js's
// serverless build). A process of its own: jest's VM cannot load pdf.js's ES module bundle.
import { extractText, getDocumentProxy } from 'unpdf';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { text } = await extractText(pdf, { mergePages: false });
process.stdout.write(JSON.stringify(text));
