/**
 * Tables the SDK 4.9.0 build writes for a UiPage built from src/client (observed in dist/app/update of this app: the
 * sys_ui_page file also carries the "BYOUI Files" source artifact with its zip attachment, and each bundled chunk is a
 * sys_ux_lib_asset). The pinned SDK's table definitions do not describe them. Column lists are what the build emits
 * (S = SDK build output), which is all the simulator needs to serve the page and its assets.
 */
import type { TableDef } from './platform-tables'

export const WEB_TABLES: Record<string, TableDef> = {
    sys_ux_lib_asset: {
        extends: 'sys_metadata',
        source: 'S SDK 4.9.0 build output (sys_ux_lib_asset_*.xml: a bundled chunk served at /uxasset/externals/<name>.jsdbx)',
        columns: {
            name: 'String',
            category: 'String',
            checksum: 'String',
            content: 'String',
            engine: 'String',
            es_module: 'Boolean',
            is_attachment: 'Boolean',
            mime_type: 'String',
            sys_package: 'String',
        },
    },
    sn_glider_source_artifact: {
        extends: null,
        source: 'S SDK 4.9.0 build output (sys_ui_page_*.xml: the zipped client sources of a UiPage)',
        columns: { name: 'String' },
    },
    sn_glider_source_artifact_m2m: {
        extends: null,
        source: 'S SDK 4.9.0 build output (sys_ui_page_*.xml: links the page and its assets to the source artifact)',
        columns: { application_file: 'String', source_artifact: 'Reference>sn_glider_source_artifact' },
    },
    sys_attachment_doc: {
        extends: null,
        source: 'S SDK 4.9.0 build output (sys_ui_page_*.xml: base64 chunks of an attachment)',
        columns: { sys_attachment: 'Reference>sys_attachment', position: 'Integer', data: 'String' },
    },
}

/** Columns the SDK 4.9.0 build writes on scripted REST records that its own table definitions omit. */
export const WEB_EXTRA_COLUMNS: Record<string, Record<string, string>> = {
    sys_ws_operation: { default_operation_uri: 'String' },
}
