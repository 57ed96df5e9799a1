/**
 * Column lists of the MID Server tables and the Store application table the validator reads to say which network path
 * a connection takes and which Jira spoke is installed (src/server/glide/real-path-reader.ts). Same notation as
 * platform-tables.ts. Sources: ServiceNow docs "MID Server status" / "MID Server capabilities" / "MID Server clusters"
 * (Name, Status Up/Down, Validated, Capabilities, Cluster members) [C labels]; column names as in public exports and
 * scripts querying ecc_agent (name, status, validated) and ecc_agent_capability_m2m (agent, capability) [S];
 * sys_store_app (scope, name, version, active) as the store app record of an installed Store app [S]. The simulator
 * holds no MID Server and no Store app unless a test inserts one (a fresh instance has neither).
 */
import type { TableDef } from './platform-tables'

const MID = 'C SNDOCS MID Server status, capabilities and clusters (labels); names S (public ecc_agent scripts)'

export const MID_TABLES: Record<string, TableDef> = {
    ecc_agent: {
        extends: null,
        source: MID,
        columns: { name: 'String', status: 'String', validated: 'String', host_name: 'String', ip_address: 'String' },
    },
    ecc_agent_capability: { extends: null, source: MID, columns: { capability: 'String', value: 'String' } },
    ecc_agent_capability_m2m: {
        extends: null,
        source: MID,
        columns: { agent: 'Reference>ecc_agent', capability: 'Reference>ecc_agent_capability' },
    },
    ecc_agent_cluster: { extends: null, source: MID, columns: { name: 'String', type: 'String' } },
    ecc_agent_cluster_member_m2m: {
        extends: null,
        source: MID,
        columns: { agent: 'Reference>ecc_agent', cluster: 'Reference>ecc_agent_cluster' },
    },
    // The ECC queue a MID Server polls (docs "The MID Server ECC queue"): output = job for agent mid.server.<name>,
    // input = its answer (response_to the output). mid-relay.ts writes both for RESTMessageV2 through a MID.
    ecc_queue: {
        extends: null,
        source: 'C SNDOCS The MID Server ECC queue (agent, topic, name, source, queue, state); response_to S',
        columns: {
            agent: 'String',
            topic: 'String',
            name: 'String',
            source: 'String',
            queue: 'String',
            state: 'String',
            response_to: 'String',
            payload: 'String',
        },
    },
    sys_store_app: {
        extends: null,
        source: 'S store app records of installed Store apps (scope, name, version, active)',
        columns: { scope: 'String', name: 'String', version: 'String', active: 'Boolean' },
    },
}
