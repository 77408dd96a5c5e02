/**
 * The paper trail (docs/documents.md): the assignment slip (交办单) and the feedback slip
 * (反馈单) as printable PDFs laid out like attachments 3 and 4 of seed 000, and the register
 * book (登记簿) of an organization and year as a workbook and as a PDF followed by the stubs
 * of its slips. Fonts ship with the application ({@link DocumentFonts}), so a document
 * prints the same everywhere.
 */
package cn.liangxin.opinions.documents;
