/** The coordination letter template installed at first start; administrators edit it afterwards. */
export const DEFAULT_COORDINATION_TEMPLATE = {
  key: "coordination",
  name: "Surat Koordinasi / Permintaan Klarifikasi",
  subject: "Permintaan klarifikasi atas laporan {{trackingNumber}}",
  body: `Nomor   : {{number}}
Tanggal : {{date}}
Perihal : Permintaan klarifikasi atas laporan {{trackingNumber}}

Kepada Yth.
Pejabat Penghubung {{office}}
{{regionName}}

Dengan hormat,

Ombudsman Republik Indonesia menerima laporan masyarakat dengan nomor {{trackingNumber}} mengenai "{{subject}}" pada {{unit}}, atas peristiwa tanggal {{incidentDate}}. Pelapor: {{reporter}}.

Ringkasan permasalahan:
{{summary}}

Sesuai kesepakatan mengenai pejabat penghubung, kami mohon Saudara menindaklanjuti laporan tersebut bersama unit layanan terkait dan menyampaikan klarifikasi beserta dokumen pendukung melalui Penghubung paling lambat {{dueDate}}.

Tembusan: Inspektur {{regionName}}.

Hormat kami,
{{sender}}
Ombudsman Republik Indonesia`,
};
