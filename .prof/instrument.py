p='src/components/medication-list/medication-list.component.ts'
s=open(p).read()
s=s.replace("""      const records = await client.getMedications(patientId, { signal });
      if (records.length > this.virtualizeThreshold) {""","""      performance.mark('zk:task-start');
      const records = await client.getMedications(patientId, { signal });
      performance.mark('zk:data');
      if (records.length > this.virtualizeThreshold) {""")
s=s.replace("""        if (shown > this.virtualizeThreshold && load.promise) await load.promise;""","""        performance.mark('zk:rows');
        if (shown > this.virtualizeThreshold && load.promise) await load.promise;
        performance.mark('zk:virtualizer');""")
s=s.replace("""    const base = this.sortedFor(all);""","""    performance.mark('zk:before-sort');
    const base = this.sortedFor(all);
    performance.mark('zk:sorted');""")
s=s.replace("""  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);""","""  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    performance.mark('zk:updated');""")
s=s.replace("renderItem: (item, index) => (","renderItem: (item, index) => (performance.mark('zk:item'), ")
open(p,'w').write(s)
