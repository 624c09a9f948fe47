# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

# GENERATED from Dell's PowerStore REST API spec (OpenAPI/Swagger 2.0) -- do not edit by hand.
# Regenerate: python tools/powerstore_schema.py tests/data/powerstore-openapi-4.1.json.gz \
#     plugins/module_utils/_backends/powerstore/_schema_data.py
# Read through _schema.py; the lab reads this file by path (pure literals, no imports).

SPEC_VERSION = '4.1.0.0'

RESOURCES = {
    'alert': {'actions': {'modify': ['PATCH', '/alert/{id}', 'alert_modify', ['204']]}, 'instance': 'alert_instance'},
    'appliance': {
        'actions': {
            'create': ['POST', '/appliance', 'appliance_create', ['201']], 'delete': ['DELETE', '/appliance/{id}', 'appliance_delete', ['204']],
            'forecast': ['POST', '/appliance/{id}/forecast', 'appliance_forecast', ['200', '204']],
            'modify': ['PATCH', '/appliance/{id}', 'appliance_modify', ['204']],
            'time_to_full': ['POST', '/appliance/{id}/time_to_full', 'appliance_time_to_full', ['200', '204']],
            'validate_create': ['POST', '/appliance/validate_create', 'appliance_validate_create', ['200', '204']],
        },
        'instance': 'appliance_instance',
    },
    'audit_event': {'actions': {}, 'instance': 'audit_event_instance'},
    'bond': {
        'actions': {
            'create': ['POST', '/bond', 'bond_create', ['201']], 'delete': ['DELETE', '/bond/{id}', None, ['204']],
            'modify': ['PATCH', '/bond/{id}', 'bond_modify', ['204']],
        },
        'instance': 'bond_instance',
    },
    'cert_role_mapping': {
        'actions': {
            'create': ['POST', '/cert_role_mapping', 'cert_role_mapping_create', ['201']],
            'delete': ['DELETE', '/cert_role_mapping/{id}', None, ['204']],
            'modify': ['PATCH', '/cert_role_mapping/{id}', 'cert_role_mapping_modify', ['204']],
        },
        'instance': 'cert_role_mapping_instance',
    },
    'chap_config': {'actions': {'modify': ['PATCH', '/chap_config/{id}', 'chap_config_modify', ['204']]}, 'instance': 'chap_config_instance'},
    'cluster': {
        'actions': {
            'create': ['POST', '/cluster', 'cluster_create', ['201']],
            'discover_fc_targets': ['POST', '/cluster/{id}/discover_fc_targets', None, ['200', '204']],
            'forecast': ['POST', '/cluster/{id}/forecast', 'cluster_forecast', ['200', '204']],
            'modify': ['PATCH', '/cluster/{id}', 'cluster_modify', ['204']],
            'time_to_full': ['POST', '/cluster/{id}/time_to_full', 'cluster_time_to_full', ['200', '204']],
            'validate_create': ['POST', '/cluster/validate_create', 'cluster_validate_create', ['200', '204']],
            'validate_expand': ['POST', '/cluster/{id}/validate_expand', None, ['200', '204']],
        },
        'instance': 'cluster_instance',
    },
    'datacollection': {
        'actions': {
            'create': ['POST', '/datacollection', 'datacollection_create', ['201']], 'delete': ['DELETE', '/datacollection/{id}', None, ['204']],
            'upload': ['POST', '/datacollection/{id}/upload', 'datacollection_upload', ['204']],
        },
        'instance': 'datacollection_instance',
    },
    'datastore': {'actions': {}, 'instance': 'datastore_instance'},
    'discovered_appliance': {
        'actions': {
            'modify': ['PATCH', '/discovered_appliance/{id}', 'discovered_appliance_modify', ['204']],
            'update_software': ['POST', '/discovered_appliance/{id}/update_software', 'discovered_appliance_update_software', ['204']],
        },
        'instance': 'discovered_appliance_instance',
    },
    'discovered_initiator': {'actions': {}, 'instance': 'discovered_initiator_instance'},
    'dns': {'actions': {'modify': ['PATCH', '/dns/{id}', 'dns_modify', ['204']]}, 'instance': 'dns_instance'},
    'email_notify_destination': {
        'actions': {
            'create': ['POST', '/email_notify_destination', 'email_notify_destination_create', ['201']],
            'delete': ['DELETE', '/email_notify_destination/{id}', None, ['204']],
            'modify': ['PATCH', '/email_notify_destination/{id}', 'email_notify_destination_modify', ['204']],
            'test': ['POST', '/email_notify_destination/{id}/test', None, ['204']],
        },
        'instance': 'email_notify_destination_instance',
    },
    'eth_be_port': {'actions': {}, 'instance': 'eth_be_port_instance'},
    'eth_port': {'actions': {'modify': ['PATCH', '/eth_port/{id}', 'eth_port_modify', ['204']]}, 'instance': 'eth_port_instance'},
    'event': {'actions': {}, 'instance': 'event_instance'},
    'fast_metrics_config': {
        'actions': {
            'create': ['POST', '/fast_metrics_config', 'fast_metrics_config_create', ['201']],
            'delete': ['DELETE', '/fast_metrics_config/{id}', None, ['204']],
        },
        'instance': 'fast_metrics_config_instance',
    },
    'fc_port': {'actions': {'modify': ['PATCH', '/fc_port/{id}', 'fc_port_modify', ['204']]}, 'instance': 'fc_port_instance'},
    'file_dhsm_config': {
        'actions': {
            'create': ['POST', '/file_dhsm_config', 'file_dhsm_config_create', ['201']],
            'delete': ['DELETE', '/file_dhsm_config/{id}', None, ['204']],
            'modify': ['PATCH', '/file_dhsm_config/{id}', 'file_dhsm_config_modify', ['204']],
        },
        'instance': 'file_dhsm_config_instance',
    },
    'file_dns': {
        'actions': {
            'create': ['POST', '/file_dns', 'file_dns_create', ['201']], 'delete': ['DELETE', '/file_dns/{id}', None, ['204']],
            'modify': ['PATCH', '/file_dns/{id}', 'file_dns_modify', ['204']],
        },
        'instance': 'file_dns_instance',
    },
    'file_events_pool': {
        'actions': {
            'create': ['POST', '/file_events_pool', 'file_events_pool_create', ['201']],
            'delete': ['DELETE', '/file_events_pool/{id}', None, ['204']],
            'modify': ['PATCH', '/file_events_pool/{id}', 'file_events_pool_modify', ['204']],
        },
        'instance': 'file_events_pool_instance',
    },
    'file_events_publisher': {
        'actions': {
            'create': ['POST', '/file_events_publisher', 'file_events_publisher_create', ['201']],
            'delete': ['DELETE', '/file_events_publisher/{id}', None, ['204']],
            'modify': ['PATCH', '/file_events_publisher/{id}', 'file_events_publisher_modify', ['204']],
        },
        'instance': 'file_events_publisher_instance',
    },
    'file_ftp': {
        'actions': {
            'create': ['POST', '/file_ftp', 'file_ftp_create', ['201']], 'delete': ['DELETE', '/file_ftp/{id}', None, ['204']],
            'modify': ['PATCH', '/file_ftp/{id}', 'file_ftp_modify', ['204']],
        },
        'instance': 'file_ftp_instance',
    },
    'file_import_interface': {
        'actions': {
            'create': ['POST', '/file_import_interface', 'file_import_interface_create', ['201']],
            'delete': ['DELETE', '/file_import_interface/{id}', None, ['204']],
            'modify': ['PATCH', '/file_import_interface/{id}', 'file_import_interface_modify', ['204']],
        },
        'instance': 'file_import_interface_instance',
    },
    'file_import_nas_server': {'actions': {}, 'instance': 'file_import_nas_server_instance'},
    'file_import_session': {
        'actions': {
            'cancel': ['POST', '/file_import_session/{id}/cancel', 'file_import_session_cancel', ['204']],
            'commit': ['POST', '/file_import_session/{id}/commit', 'file_import_session_commit', ['204']],
            'create': ['POST', '/file_import_session', 'file_import_session_create', ['201']],
            'cutover': ['POST', '/file_import_session/{id}/cutover', 'file_import_session_cutover', ['204']],
            'delete': ['DELETE', '/file_import_session/{id}', None, ['204']],
            'destination_objects_sync': ['POST', '/file_import_session/{id}/destination_objects_sync', None, ['204']],
            'modify': ['PATCH', '/file_import_session/{id}', 'file_import_session_modify', ['204']],
            'pause': ['POST', '/file_import_session/{id}/pause', None, ['204']],
            'report': ['POST', '/file_import_session/{id}/report', None, ['204']],
            'resume': ['POST', '/file_import_session/{id}/resume', None, ['204']],
        },
        'instance': 'file_import_session_instance',
    },
    'file_interface': {
        'actions': {
            'create': ['POST', '/file_interface', 'file_interface_create', ['201']], 'delete': ['DELETE', '/file_interface/{id}', None, ['204']],
            'modify': ['PATCH', '/file_interface/{id}', 'file_interface_modify', ['204']],
        },
        'instance': 'file_interface_instance',
    },
    'file_interface_route': {
        'actions': {
            'create': ['POST', '/file_interface_route', 'file_interface_route_create', ['201']],
            'delete': ['DELETE', '/file_interface_route/{id}', None, ['204']],
            'modify': ['PATCH', '/file_interface_route/{id}', 'file_interface_route_modify', ['204']],
        },
        'instance': 'file_interface_route_instance',
    },
    'file_io_limit_rule': {
        'actions': {
            'create': ['POST', '/file_io_limit_rule', 'file_io_limit_rule_create', ['201']],
            'delete': ['DELETE', '/file_io_limit_rule/{id}', None, ['204']],
            'modify': ['PATCH', '/file_io_limit_rule/{id}', 'file_io_limit_rule_modify', ['204']],
        },
        'instance': 'file_io_limit_rule_instance',
    },
    'file_kerberos': {
        'actions': {
            'create': ['POST', '/file_kerberos', 'file_kerberos_create', ['201']], 'delete': ['DELETE', '/file_kerberos/{id}', None, ['204']],
            'modify': ['PATCH', '/file_kerberos/{id}', 'file_kerberos_modify', ['204']],
        },
        'instance': 'file_kerberos_instance',
    },
    'file_ldap': {
        'actions': {
            'create': ['POST', '/file_ldap', 'file_ldap_create', ['201']], 'delete': ['DELETE', '/file_ldap/{id}', None, ['204']],
            'modify': ['PATCH', '/file_ldap/{id}', 'file_ldap_modify', ['204']],
        },
        'instance': 'file_ldap_instance',
    },
    'file_ndmp': {
        'actions': {
            'create': ['POST', '/file_ndmp', 'file_ndmp_create', ['201']], 'delete': ['DELETE', '/file_ndmp/{id}', None, ['204']],
            'modify': ['PATCH', '/file_ndmp/{id}', 'file_ndmp_modify', ['204']],
        },
        'instance': 'file_ndmp_instance',
    },
    'file_nis': {
        'actions': {
            'create': ['POST', '/file_nis', 'file_nis_create', ['201']], 'delete': ['DELETE', '/file_nis/{id}', None, ['204']],
            'modify': ['PATCH', '/file_nis/{id}', 'file_nis_modify', ['204']],
        },
        'instance': 'file_nis_instance',
    },
    'file_system': {
        'actions': {
            'clone': ['POST', '/file_system/{id}/clone', 'file_system_clone', ['200', '204']],
            'create': ['POST', '/file_system', 'file_system_create', ['201']], 'delete': ['DELETE', '/file_system/{id}', None, ['204']],
            'modify': ['PATCH', '/file_system/{id}', 'file_system_modify', ['204']], 'refresh': ['POST', '/file_system/{id}/refresh', None, ['204']],
            'refresh_quota': ['POST', '/file_system/{id}/refresh_quota', None, ['204']],
            'restore': ['POST', '/file_system/{id}/restore', 'file_system_restore', ['200', '204']],
            'snapshot': ['POST', '/file_system/{id}/snapshot', 'file_system_snapshot', ['200', '204']],
        },
        'instance': 'file_system_instance',
    },
    'file_tree_quota': {
        'actions': {
            'create': ['POST', '/file_tree_quota', 'file_tree_quota_create', ['201']], 'delete': ['DELETE', '/file_tree_quota/{id}', None, ['204']],
            'modify': ['PATCH', '/file_tree_quota/{id}', 'file_tree_quota_modify', ['204']],
            'refresh': ['POST', '/file_tree_quota/{id}/refresh', None, ['204']],
        },
        'instance': 'file_tree_quota_instance',
    },
    'file_user_quota': {
        'actions': {
            'create': ['POST', '/file_user_quota', 'file_user_quota_create', ['201']],
            'modify': ['PATCH', '/file_user_quota/{id}', 'file_user_quota_modify', ['204']],
            'refresh': ['POST', '/file_user_quota/{id}/refresh', None, ['204']],
        },
        'instance': 'file_user_quota_instance',
    },
    'file_virus_checker': {
        'actions': {
            'add_privileged_account': [
                'POST', '/file_virus_checker/{id}/add_privileged_account', 'file_virus_checker_add_privileged_account', ['204'],
            ],
            'create': ['POST', '/file_virus_checker', 'file_virus_checker_create', ['201']],
            'delete': ['DELETE', '/file_virus_checker/{id}', None, ['204']],
            'get_privileged_accounts': ['POST', '/file_virus_checker/{id}/get_privileged_accounts', None, ['200', '204']],
            'get_viruschecker_audit_info': ['POST', '/file_virus_checker/{id}/get_viruschecker_audit_info', None, ['200', '204']],
            'modify': ['PATCH', '/file_virus_checker/{id}', 'file_virus_checker_modify', ['204']],
            'remove_privileged_account': [
                'POST', '/file_virus_checker/{id}/remove_privileged_account', 'file_virus_checker_remove_privileged_account', ['204'],
            ],
            'scan_status': ['POST', '/file_virus_checker/{id}/scan_status', 'file_virus_checker_scan_status', ['200', '204']],
            'start_scan': ['POST', '/file_virus_checker/{id}/start_scan', 'file_virus_checker_start_scan', ['204']],
            'stop_scan': ['POST', '/file_virus_checker/{id}/stop_scan', 'file_virus_checker_stop_scan', ['204']],
        },
        'instance': 'file_virus_checker_instance',
    },
    'fsn': {
        'actions': {
            'create': ['POST', '/fsn', 'fsn_create', ['201']], 'delete': ['DELETE', '/fsn/{id}', None, ['204']],
            'modify': ['PATCH', '/fsn/{id}', 'fsn_modify', ['204']],
        },
        'instance': 'fsn_instance',
    },
    'hardware': {
        'actions': {
            'drive_repurpose': ['POST', '/hardware/{id}/drive_repurpose', 'hardware_drive_repurpose', ['204']],
            'modify': ['PATCH', '/hardware/{id}', 'hardware_modify', ['204']],
            'upgrade': ['POST', '/hardware/{id}/upgrade', 'hardware_upgrade', ['204']],
            'validate_upgrade': ['POST', '/hardware/{id}/validate_upgrade', 'hardware_validate_upgrade', ['204']],
        },
        'instance': 'hardware_instance',
    },
    'host': {
        'actions': {
            'attach': ['POST', '/host/{id}/attach', 'host_attach', ['204']], 'create': ['POST', '/host', 'host_create', ['201']],
            'delete': ['DELETE', '/host/{id}', 'host_delete', ['204']], 'detach': ['POST', '/host/{id}/detach', 'host_detach', ['204']],
            'modify': ['PATCH', '/host/{id}', 'host_modify', ['204']],
        },
        'instance': 'host_instance',
    },
    'host_group': {
        'actions': {
            'attach': ['POST', '/host_group/{id}/attach', 'host_group_attach', ['204']],
            'create': ['POST', '/host_group', 'host_group_create', ['201']], 'delete': ['DELETE', '/host_group/{id}', None, ['204']],
            'detach': ['POST', '/host_group/{id}/detach', 'host_group_detach', ['204']],
            'modify': ['PATCH', '/host_group/{id}', 'host_group_modify', ['204']],
        },
        'instance': 'host_group_instance',
    },
    'host_virtual_volume_mapping': {'actions': {}, 'instance': 'host_virtual_volume_mapping_instance'},
    'host_volume_mapping': {'actions': {}, 'instance': 'host_volume_mapping_instance'},
    'import_host_initiator': {'actions': {}, 'instance': 'import_host_initiator_instance'},
    'import_host_system': {
        'actions': {
            'create': ['POST', '/import_host_system', 'import_host_system_create', ['201']],
            'delete': ['DELETE', '/import_host_system/{id}', None, ['204']], 'refresh': ['POST', '/import_host_system/{id}/refresh', None, ['204']],
        },
        'instance': 'import_host_system_instance',
    },
    'import_host_volume': {'actions': {}, 'instance': 'import_host_volume_instance'},
    'import_netapp': {'actions': {}, 'instance': 'import_netapp_instance'},
    'import_netapp_volume': {
        'actions': {'import_snapshot_schedules': ['POST', '/import_netapp_volume/{id}/import_snapshot_schedules', None, ['200', '204']]},
        'instance': 'import_netapp_volume_instance',
    },
    'import_psgroup': {'actions': {'discover': ['POST', '/import_psgroup/{id}/discover', None, ['204']]}, 'instance': 'import_psgroup_instance'},
    'import_psgroup_volume': {
        'actions': {'import_snapshot_schedules': ['POST', '/import_psgroup_volume/{id}/import_snapshot_schedules', None, ['200', '204']]},
        'instance': 'import_psgroup_volume_instance',
    },
    'import_session': {
        'actions': {
            'cancel': ['POST', '/import_session/{id}/cancel', 'import_session_cancel', ['204']],
            'cleanup': ['POST', '/import_session/{id}/cleanup', None, ['204']],
            'create': ['POST', '/import_session', 'import_session_create', ['201']],
            'cutover': ['POST', '/import_session/{id}/cutover', None, ['204']], 'delete': ['DELETE', '/import_session/{id}', None, ['204']],
            'enable_destination_volume': [
                'POST', '/import_session/{id}/enable_destination_volume', 'import_session_enable_destination_volume', ['204'],
            ],
            'modify': ['PATCH', '/import_session/{id}', 'import_session_modify', ['204']],
            'pause': ['POST', '/import_session/{id}/pause', None, ['204']], 'resume': ['POST', '/import_session/{id}/resume', None, ['204']],
            'start_copy': ['POST', '/import_session/{id}/start_copy', None, ['204']],
        },
        'instance': 'import_session_instance',
    },
    'import_storage_center': {
        'actions': {'discover': ['POST', '/import_storage_center/{id}/discover', None, ['204']]}, 'instance': 'import_storage_center_instance',
    },
    'import_storage_center_consistency_group': {
        'actions': {
            'import_snapshot_profiles': ['POST', '/import_storage_center_consistency_group/{id}/import_snapshot_profiles', None, ['200', '204']],
        },
        'instance': 'import_storage_center_consistency_group_instance',
    },
    'import_storage_center_volume': {
        'actions': {'import_snapshot_profiles': ['POST', '/import_storage_center_volume/{id}/import_snapshot_profiles', None, ['200', '204']]},
        'instance': 'import_storage_center_volume_instance',
    },
    'import_unity': {'actions': {'discover': ['POST', '/import_unity/{id}/discover', None, ['204']]}, 'instance': 'import_unity_instance'},
    'import_unity_consistency_group': {
        'actions': {'import_snapshot_schedules': ['POST', '/import_unity_consistency_group/{id}/import_snapshot_schedules', None, ['200', '204']]},
        'instance': 'import_unity_consistency_group_instance',
    },
    'import_unity_volume': {
        'actions': {'import_snapshot_schedules': ['POST', '/import_unity_volume/{id}/import_snapshot_schedules', None, ['200', '204']]},
        'instance': 'import_unity_volume_instance',
    },
    'import_universal_consistency_group': {
        'actions': {
            'add_members': [
                'POST', '/import_universal_consistency_group/{id}/add_members', 'import_universal_consistency_group_add_members', ['204'],
            ],
            'create': ['POST', '/import_universal_consistency_group', 'import_universal_consistency_group_create', ['201']],
            'delete': ['DELETE', '/import_universal_consistency_group/{id}', None, ['204']],
            'modify': ['PATCH', '/import_universal_consistency_group/{id}', 'import_universal_consistency_group_modify', ['204']],
            'remove_members': [
                'POST', '/import_universal_consistency_group/{id}/remove_members', 'import_universal_consistency_group_remove_members', ['204'],
            ],
        },
        'instance': 'import_universal_consistency_group_instance',
    },
    'import_universal_volume': {
        'actions': {'modify': ['PATCH', '/import_universal_volume/{id}', 'import_universal_volume_modify', ['204']]},
        'instance': 'import_universal_volume_instance',
    },
    'import_vmax': {'actions': {}, 'instance': 'import_vmax_instance'},
    'import_vmax_storage_group': {
        'actions': {'import_snapshot_policy': ['POST', '/import_vmax_storage_group/{id}/import_snapshot_policy', None, ['200', '204']]},
        'instance': 'import_vmax_storage_group_instance',
    },
    'import_vmax_volume': {'actions': {}, 'instance': 'import_vmax_volume_instance'},
    'import_vnx_array': {
        'actions': {'discover': ['POST', '/import_vnx_array/{id}/discover', None, ['204']]}, 'instance': 'import_vnx_array_instance',
    },
    'import_vnx_consistency_group': {'actions': {}, 'instance': 'import_vnx_consistency_group_instance'},
    'import_vnx_volume': {'actions': {}, 'instance': 'import_vnx_volume_instance'},
    'import_xtremio': {'actions': {'discover': ['POST', '/import_xtremio/{id}/discover', None, ['204']]}, 'instance': 'import_xtremio_instance'},
    'import_xtremio_consistency_group': {
        'actions': {'import_snapshot_schedules': ['POST', '/import_xtremio_consistency_group/{id}/import_snapshot_schedules', None, ['200', '204']]},
        'instance': 'import_xtremio_consistency_group_instance',
    },
    'import_xtremio_volume': {
        'actions': {'import_snapshot_schedules': ['POST', '/import_xtremio_volume/{id}/import_snapshot_schedules', None, ['200', '204']]},
        'instance': 'import_xtremio_volume_instance',
    },
    'initiator': {'actions': {}, 'instance': 'initiator_instance'},
    'io_limit_rule': {
        'actions': {
            'create': ['POST', '/io_limit_rule', 'io_limit_rule_create', ['201']], 'delete': ['DELETE', '/io_limit_rule/{id}', None, ['204']],
            'modify': ['PATCH', '/io_limit_rule/{id}', 'io_limit_rule_modify', ['204']],
        },
        'instance': 'io_limit_rule_instance',
    },
    'ip_pool_address': {'actions': {}, 'instance': 'ip_pool_address_instance'},
    'ip_port': {'actions': {'modify': ['PATCH', '/ip_port/{id}', 'ip_port_modify', ['204']]}, 'instance': 'ip_port_instance'},
    'job': {'actions': {}, 'instance': 'job_instance'},
    'keystore_archive': {
        'actions': {'regenerate': ['POST', '/keystore_archive/regenerate', None, ['200', '204']]}, 'instance': 'keystore_archive_instance',
    },
    'kmip_config': {
        'actions': {
            'modify': ['PATCH', '/kmip_config/{id}', 'kmip_config_modify', ['204']], 'verify': ['POST', '/kmip_config/{id}/verify', None, ['204']],
        },
        'instance': 'kmip_config_instance',
    },
    'ldap_account': {
        'actions': {
            'create': ['POST', '/ldap_account', 'ldap_account_create', ['201']], 'delete': ['DELETE', '/ldap_account/{id}', None, ['204']],
            'modify': ['PATCH', '/ldap_account/{id}', 'ldap_account_modify', ['204']],
        },
        'instance': 'ldap_account_instance',
    },
    'ldap_domain': {
        'actions': {
            'create': ['POST', '/ldap_domain', 'ldap_domain_create', ['201']], 'delete': ['DELETE', '/ldap_domain/{id}', None, ['204']],
            'modify': ['PATCH', '/ldap_domain/{id}', 'ldap_domain_modify', ['204']],
            'verify': ['POST', '/ldap_domain/{id}/verify', None, ['200', '204']],
        },
        'instance': 'ldap_domain_instance',
    },
    'license': {
        'actions': {'extend_trial': ['POST', '/license/extend_trial', None, ['204']], 'retrieve': ['POST', '/license/retrieve', None, ['204']]},
        'instance': 'license_instance',
    },
    'local_user': {
        'actions': {
            'create': ['POST', '/local_user', 'local_user_create', ['201']], 'delete': ['DELETE', '/local_user/{id}', None, ['204']],
            'modify': ['PATCH', '/local_user/{id}', 'local_user_modify', ['204']],
        },
        'instance': 'local_user_instance',
    },
    'login_banner': {'actions': {'modify': ['PATCH', '/login_banner/{id}', 'login_banner_modify', ['204']]}, 'instance': 'login_banner_instance'},
    'login_session': {'actions': {}, 'instance': 'login_session_instance'},
    'logout': {'actions': {'create': ['POST', '/logout', None, ['201', '204']]}, 'instance': None},
    'maintenance_window': {
        'actions': {'modify': ['PATCH', '/maintenance_window/{id}', 'maintenance_window_modify', ['204']]}, 'instance': 'maintenance_window_instance',
    },
    'metrics': {'actions': {'generate': ['POST', '/metrics/generate', 'metrics_generate', ['200', '204']]}, 'instance': None},
    'metrics_archive': {
        'actions': {'generate': ['POST', '/metrics_archive/generate', 'metrics_archive_generate', ['200', '204']]},
        'instance': 'metrics_archive_instance',
    },
    'mfa_cacpiv': {
        'actions': {
            'create': ['POST', '/mfa_cacpiv', 'mfa_cacpiv_create', ['201']], 'delete': ['DELETE', '/mfa_cacpiv/{id}', None, ['204']],
            'modify': ['PATCH', '/mfa_cacpiv/{id}', 'mfa_cacpiv_modify', ['204']],
        },
        'instance': 'mfa_cacpiv_instance',
    },
    'mfa_securid': {
        'actions': {
            'create': ['POST', '/mfa_securid', 'mfa_securid_create', ['201']], 'delete': ['DELETE', '/mfa_securid/{id}', None, ['204']],
            'modify': ['PATCH', '/mfa_securid/{id}', 'mfa_securid_modify', ['204']],
        },
        'instance': 'mfa_securid_instance',
    },
    'migration_recommendation': {
        'actions': {
            'create': ['POST', '/migration_recommendation', 'migration_recommendation_create', ['201']],
            'create_migration_sessions': ['POST', '/migration_recommendation/{id}/create_migration_sessions', None, ['200', '204']],
            'delete': ['DELETE', '/migration_recommendation/{id}', None, ['204']],
            'modify': ['PATCH', '/migration_recommendation/{id}', 'migration_recommendation_action_modify', ['204']],
            'start_migration_sessions': ['POST', '/migration_recommendation/{id}/start_migration_sessions', None, ['204']],
        },
        'instance': 'migration_recommendation_instance',
    },
    'migration_session': {
        'actions': {
            'create': ['POST', '/migration_session', 'migration_session_create', ['201']],
            'cutover': ['POST', '/migration_session/{id}/cutover', None, ['204']],
            'delete': ['DELETE', '/migration_session/{id}', 'migration_session_delete', ['204']],
            'pause': ['POST', '/migration_session/{id}/pause', None, ['204']], 'resume': ['POST', '/migration_session/{id}/resume', None, ['204']],
            'sync': ['POST', '/migration_session/{id}/sync', 'migration_session_sync', ['204']],
        },
        'instance': 'migration_session_instance',
    },
    'nas_server': {
        'actions': {
            'clone': ['POST', '/nas_server/{id}/clone', 'nas_server_clone', ['200', '204']],
            'create': ['POST', '/nas_server', 'nas_server_create', ['201']], 'delete': ['DELETE', '/nas_server/{id}', 'nas_server_delete', ['204']],
            'modify': ['PATCH', '/nas_server/{id}', 'nas_server_modify', ['204']],
            'ping': ['POST', '/nas_server/{id}/ping', 'nas_server_ping', ['204']],
            'update_user_mappings': ['POST', '/nas_server/{id}/update_user_mappings', None, ['204']],
        },
        'instance': 'nas_server_instance',
    },
    'network': {
        'actions': {
            'create': ['POST', '/network', 'network_create', ['201']], 'delete': ['DELETE', '/network/{id}', None, ['204']],
            'modify': ['PATCH', '/network/{id}', 'network_modify', ['204']], 'replace': ['POST', '/network/{id}/replace', 'network_replace', ['204']],
            'scale': ['POST', '/network/{id}/scale', 'network_scale', ['204']],
            'scaling_modify': ['POST', '/network/{id}/scaling_modify', 'network_scaling_modify', ['204']],
        },
        'instance': 'network_instance',
    },
    'nfs_export': {
        'actions': {
            'create': ['POST', '/nfs_export', 'nfs_export_create', ['201']], 'delete': ['DELETE', '/nfs_export/{id}', None, ['204']],
            'modify': ['PATCH', '/nfs_export/{id}', 'nfs_export_modify', ['204']],
        },
        'instance': 'nfs_export_instance',
    },
    'nfs_server': {
        'actions': {
            'create': ['POST', '/nfs_server', 'nfs_server_create', ['201']], 'delete': ['DELETE', '/nfs_server/{id}', 'nfs_server_delete', ['204']],
            'join': ['POST', '/nfs_server/{id}/join', 'nfs_server_join', ['204']],
            'modify': ['PATCH', '/nfs_server/{id}', 'nfs_server_modify', ['204']],
            'unjoin': ['POST', '/nfs_server/{id}/unjoin', 'nfs_server_unjoin', ['204']],
        },
        'instance': 'nfs_server_instance',
    },
    'node': {'actions': {}, 'instance': 'node_instance'},
    'ntp': {'actions': {'modify': ['PATCH', '/ntp/{id}', 'ntp_modify', ['204']]}, 'instance': 'ntp_instance'},
    'ntp_server': {
        'actions': {
            'create': ['POST', '/ntp_server', 'ntp_server_create', ['201']], 'delete': ['DELETE', '/ntp_server/{id}', None, ['204']],
            'modify': ['PATCH', '/ntp_server/{id}', 'ntp_server_modify', ['204']],
        },
        'instance': 'ntp_server_instance',
    },
    'nvme_discovered_cdc': {'actions': {}, 'instance': 'nvme_discovered_cdc_instance'},
    'performance_rule': {'actions': {}, 'instance': 'performance_rule_instance'},
    'physical_switch': {
        'actions': {
            'create': ['POST', '/physical_switch', 'physical_switch_create', ['201']], 'delete': ['DELETE', '/physical_switch/{id}', None, ['204']],
            'modify': ['PATCH', '/physical_switch/{id}', 'physical_switch_modify', ['204']],
        },
        'instance': 'physical_switch_instance',
    },
    'policy': {
        'actions': {
            'clone': ['POST', '/policy/{id}/clone', 'policy_clone', ['200', '204']], 'create': ['POST', '/policy', 'policy_create', ['201']],
            'delete': ['DELETE', '/policy/{id}', None, ['204']], 'modify': ['PATCH', '/policy/{id}', 'policy_modify', ['204']],
        },
        'instance': 'policy_instance',
    },
    'recycle_bin': {
        'actions': {
            'delete': ['DELETE', '/recycle_bin/{id}', None, ['204']], 'empty': ['POST', '/recycle_bin/empty', None, ['204']],
            'recover': ['POST', '/recycle_bin/{id}/recover', 'recycle_bin_recover', ['204']],
        },
        'instance': 'recycle_bin_instance',
    },
    'recycle_bin_config': {
        'actions': {'modify': ['PATCH', '/recycle_bin_config/{id}', 'recycle_bin_config_modify', ['204']]}, 'instance': 'recycle_bin_config_instance',
    },
    'remote_support': {
        'actions': {
            'modify': ['PATCH', '/remote_support/{id}', 'remote_support_modify', ['204']],
            'send_test_alert': ['POST', '/remote_support/{id}/send_test_alert', None, ['204']],
            'verify': ['POST', '/remote_support/{id}/verify', 'remote_support_verify', ['204']],
        },
        'instance': 'remote_support_instance',
    },
    'remote_support_contact': {
        'actions': {'modify': ['PATCH', '/remote_support_contact/{id}', 'remote_support_contact_modify', ['204']]},
        'instance': 'remote_support_contact_instance',
    },
    'remote_syslog_server': {
        'actions': {
            'create': ['POST', '/remote_syslog_server', 'remote_syslog_server_create', ['201']],
            'delete': ['DELETE', '/remote_syslog_server/{id}', None, ['204']],
            'modify': ['PATCH', '/remote_syslog_server/{id}', 'remote_syslog_server_modify', ['204']],
            'test': ['POST', '/remote_syslog_server/{id}/test', 'remote_syslog_server_test', ['204']],
        },
        'instance': 'remote_syslog_server_instance',
    },
    'remote_system': {
        'actions': {
            'create': ['POST', '/remote_system', 'remote_system_create', ['201']],
            'delete': ['DELETE', '/remote_system/{id}', 'remote_system_delete', ['204']],
            'discover': ['POST', '/remote_system/{id}/discover', None, ['204']],
            'modify': ['PATCH', '/remote_system/{id}', 'remote_system_modify', ['204']],
            'query_available_powerstore_networks': [
                'POST', '/remote_system/{id}/query_available_powerstore_networks', 'remote_system_query_available_powerstore_networks',
                ['200', '204'],
            ],
            'verify': ['POST', '/remote_system/{id}/verify', 'remote_system_verify', ['204']],
        },
        'instance': 'remote_system_instance',
    },
    'replication_group': {
        'actions': {
            'delete': ['DELETE', '/replication_group/{id}', 'replication_group_delete', ['204']],
            'modify': ['PATCH', '/replication_group/{id}', 'replication_group_modify', ['204']],
        },
        'instance': 'replication_group_instance',
    },
    'replication_rule': {
        'actions': {
            'clone': ['POST', '/replication_rule/{id}/clone', 'replication_rule_clone', ['200', '204']],
            'create': ['POST', '/replication_rule', 'replication_rule_create', ['201']],
            'delete': ['DELETE', '/replication_rule/{id}', None, ['204']],
            'modify': ['PATCH', '/replication_rule/{id}', 'replication_rule_modify', ['204']],
        },
        'instance': 'replication_rule_instance',
    },
    'replication_session': {
        'actions': {
            'demote': ['POST', '/replication_session/{id}/demote', 'replication_session_demote', ['204']],
            'failover': ['POST', '/replication_session/{id}/failover', 'replication_session_failover', ['204']],
            'modify': ['PATCH', '/replication_session/{id}', 'replication_session_modify', ['204']],
            'pause': ['POST', '/replication_session/{id}/pause', None, ['204']],
            'promote': ['POST', '/replication_session/{id}/promote', 'replication_session_promote', ['204']],
            'reprotect': ['POST', '/replication_session/{id}/reprotect', 'replication_session_reprotect', ['204']],
            'resume': ['POST', '/replication_session/{id}/resume', None, ['204']],
            'start_failover_test': ['POST', '/replication_session/{id}/start_failover_test', 'replication_start_failover_test', ['204']],
            'stop_failover_test': ['POST', '/replication_session/{id}/stop_failover_test', 'replication_stop_failover_test', ['200', '204']],
            'sync': ['POST', '/replication_session/{id}/sync', None, ['204']],
        },
        'instance': 'replication_session_instance',
    },
    'role': {'actions': {}, 'instance': 'role_instance'}, 'sas_port': {'actions': {}, 'instance': 'sas_port_instance'},
    'security_config': {
        'actions': {
            'generate_temp_credentials': ['POST', '/security_config/generate_temp_credentials', None, ['200', '204']],
            'modify': ['PATCH', '/security_config/{id}', 'security_config_modify', ['204']],
        },
        'instance': 'security_config_instance',
    },
    'service_config': {
        'actions': {'modify': ['PATCH', '/service_config/{id}', 'service_config_modify', ['204']]}, 'instance': 'service_config_instance',
    },
    'service_user': {'actions': {'modify': ['PATCH', '/service_user/{id}', 'service_user_modify', ['204']]}, 'instance': 'service_user_instance'},
    'smb_server': {
        'actions': {
            'create': ['POST', '/smb_server', 'smb_server_create', ['201']], 'delete': ['DELETE', '/smb_server/{id}', 'smb_server_delete', ['204']],
            'join': ['POST', '/smb_server/{id}/join', 'smb_server_join', ['204']],
            'modify': ['PATCH', '/smb_server/{id}', 'smb_server_modify', ['204']],
            'unjoin': ['POST', '/smb_server/{id}/unjoin', 'smb_server_unjoin', ['204']],
        },
        'instance': 'smb_server_instance',
    },
    'smb_share': {
        'actions': {
            'create': ['POST', '/smb_share', 'smb_share_create', ['201']], 'delete': ['DELETE', '/smb_share/{id}', None, ['204']],
            'get_acl': ['POST', '/smb_share/{id}/get_acl', None, ['200', '204']], 'modify': ['PATCH', '/smb_share/{id}', 'smb_share_modify', ['204']],
            'set_acl': ['POST', '/smb_share/{id}/set_acl', 'smb_share_set_acl', ['204']],
        },
        'instance': 'smb_share_instance',
    },
    'smtp_config': {
        'actions': {
            'modify': ['PATCH', '/smtp_config/{id}', 'smtp_config_modify', ['204']],
            'test': ['POST', '/smtp_config/{id}/test', 'smtp_config_test', ['204']],
        },
        'instance': 'smtp_config_instance',
    },
    'snapshot_rule': {
        'actions': {
            'clone': ['POST', '/snapshot_rule/{id}/clone', 'snapshot_rule_clone', ['200', '204']],
            'create': ['POST', '/snapshot_rule', 'snapshot_rule_create', ['201']],
            'delete': ['DELETE', '/snapshot_rule/{id}', 'snapshot_rule_delete', ['204']],
            'modify': ['PATCH', '/snapshot_rule/{id}', 'snapshot_rule_modify', ['204']],
        },
        'instance': 'snapshot_rule_instance',
    },
    'snmp_server': {
        'actions': {
            'create': ['POST', '/snmp_server', 'snmp_server_create', ['201']], 'delete': ['DELETE', '/snmp_server/{id}', None, ['204']],
            'modify': ['PATCH', '/snmp_server/{id}', 'snmp_server_modify', ['204']], 'test': ['POST', '/snmp_server/{id}/test', None, ['204']],
        },
        'instance': 'snmp_server_instance',
    },
    'software_installed': {'actions': {}, 'instance': 'software_installed_instance'},
    'software_package': {
        'actions': {
            'cancel_download': ['POST', '/software_package/{id}/cancel_download', None, ['204']],
            'check_for_updates': ['POST', '/software_package/check_for_updates', None, ['204']],
            'delete': ['DELETE', '/software_package/{id}', None, ['202', '204']],
            'download': ['POST', '/software_package/{id}/download', None, ['204']],
            'install': ['POST', '/software_package/{id}/install', 'software_package_install', ['204']],
            'puhc': ['POST', '/software_package/{id}/puhc', 'software_package_puhc', ['204']],
        },
        'instance': 'software_package_instance',
    },
    'storage_container': {
        'actions': {
            'create': ['POST', '/storage_container', 'storage_container_create', ['201']],
            'delete': ['DELETE', '/storage_container/{id}', 'storage_container_delete', ['204']],
            'modify': ['PATCH', '/storage_container/{id}', 'storage_container_modify', ['204']],
            'mount': ['POST', '/storage_container/{id}/mount', 'storage_container_mount', ['204']],
            'unmount': ['POST', '/storage_container/{id}/unmount', None, ['204']],
        },
        'instance': 'storage_container_instance',
    },
    'storage_container_destination': {
        'actions': {
            'create': ['POST', '/storage_container_destination', 'storage_container_destination_create', ['201']],
            'delete': ['DELETE', '/storage_container_destination/{id}', None, ['204']],
        },
        'instance': 'storage_container_destination_instance',
    },
    'vcenter': {
        'actions': {
            'create': ['POST', '/vcenter', 'vcenter_create', ['201']], 'delete': ['DELETE', '/vcenter/{id}', 'vcenter_delete', ['204']],
            'modify': ['PATCH', '/vcenter/{id}', 'vcenter_modify', ['204']],
        },
        'instance': 'vcenter_instance',
    },
    'veth_port': {'actions': {}, 'instance': 'veth_port_instance'},
    'virtual_machine': {
        'actions': {
            'delete': ['DELETE', '/virtual_machine/{id}', None, ['204']],
            'modify': ['PATCH', '/virtual_machine/{id}', 'virtual_machine_modify', ['204']],
            'snapshot': ['POST', '/virtual_machine/{id}/snapshot', 'virtual_machine_snapshot', ['200', '204']],
        },
        'instance': 'virtual_machine_instance',
    },
    'virtual_volume': {
        'actions': {
            'delete': ['DELETE', '/virtual_volume/{id}', 'virtual_volume_delete', ['204']],
            'detach': ['POST', '/virtual_volume/{id}/detach', 'virtual_volume_detach', ['204']],
        },
        'instance': 'virtual_volume_instance',
    },
    'volume': {
        'actions': {
            'attach': ['POST', '/volume/{id}/attach', 'volume_attach', ['204']],
            'clone': ['POST', '/volume/{id}/clone', 'volume_clone', ['200', '204']],
            'configure_metro': ['POST', '/volume/{id}/configure_metro', 'volume_configure_metro', ['200', '204']],
            'create': ['POST', '/volume', 'volume_create', ['201']], 'delete': ['DELETE', '/volume/{id}', 'volume_delete', ['204']],
            'detach': ['POST', '/volume/{id}/detach', 'volume_detach', ['204']],
            'end_metro': ['POST', '/volume/{id}/end_metro', 'volume_end_metro', ['204']],
            'modify': ['PATCH', '/volume/{id}', 'volume_modify', ['204']],
            'refresh': ['POST', '/volume/{id}/refresh', 'volume_refresh', ['200', '204']],
            'restore': ['POST', '/volume/{id}/restore', 'volume_restore', ['200', '204']],
            'snapshot': ['POST', '/volume/{id}/snapshot', 'volume_snapshot', ['200', '204']],
        },
        'instance': 'volume_instance',
    },
    'volume_group': {
        'actions': {
            'add_members': ['POST', '/volume_group/{id}/add_members', 'volume_group_add_members', ['204']],
            'clone': ['POST', '/volume_group/{id}/clone', 'volume_group_clone', ['200', '204']],
            'configure_metro': ['POST', '/volume_group/{id}/configure_metro', 'volume_group_configure_metro', ['200', '204']],
            'create': ['POST', '/volume_group', 'volume_group_create', ['201']],
            'delete': ['DELETE', '/volume_group/{id}', 'volume_group_delete', ['204']],
            'end_metro': ['POST', '/volume_group/{id}/end_metro', 'volume_group_end_metro', ['204']],
            'modify': ['PATCH', '/volume_group/{id}', 'volume_group_modify', ['204']],
            'refresh': ['POST', '/volume_group/{id}/refresh', 'volume_group_refresh', ['200', '204']],
            'remove_members': ['POST', '/volume_group/{id}/remove_members', 'volume_group_remove_members', ['204']],
            'restore': ['POST', '/volume_group/{id}/restore', 'volume_group_restore', ['200', '204']],
            'snapshot': ['POST', '/volume_group/{id}/snapshot', 'volume_group_snapshot', ['200', '204']],
        },
        'instance': 'volume_group_instance',
    },
    'vsphere_host': {'actions': {}, 'instance': 'vsphere_host_instance'},
    'vsphere_host_license_assignment': {'actions': {}, 'instance': 'vsphere_host_license_assignment_instance'},
    'witness': {
        'actions': {
            'create': ['POST', '/witness', 'witness_create', ['201']], 'delete': ['DELETE', '/witness/{id}', None, ['204']],
            'modify': ['PATCH', '/witness/{id}', 'witness_modify', ['204']],
        },
        'instance': 'witness_instance',
    },
    'x509_certificate': {
        'actions': {
            'create': ['POST', '/x509_certificate', 'x509_certificate_create', ['201']],
            'csr': ['POST', '/x509_certificate/csr', 'x509_certificate_csr', ['200', '204']],
            'exchange': ['POST', '/x509_certificate/exchange', 'x509_certificate_exchange', ['204']],
            'modify': ['PATCH', '/x509_certificate/{id}', 'x509_certificate_modify', ['204']],
            'reset_certificates': ['POST', '/x509_certificate/reset_certificates', 'x509_certificate_reset_certificates', ['204']],
        },
        'instance': 'x509_certificate_instance',
    },
}

DEFINITIONS = {
    'active_session_instance': {
        'properties': {
            'appliance_id': {'type': 'string'}, 'bond_id': {'type': 'string'}, 'eth_port_id': {'type': 'string'}, 'fc_port_id': {'type': 'string'},
            'node_id': {'type': 'string'}, 'nvme_transport_addresses': {'items': {'type': 'string'}, 'type': 'array'},
            'nvme_transport_type': {'enum': ['TCP', 'FC'], 'type': 'string'}, 'nvme_transport_type_l10n': {'type': 'string'},
            'port_name': {'type': 'string'}, 'veth_id': {'type': 'string'},
        },
    },
    'alert_instance': {
        'properties': {
            'acknowledged_timestamp': {'type': 'string'}, 'called_home_timestamp': {'type': 'string'}, 'cleared_timestamp': {'type': 'string'},
            'description_l10n': {'type': 'string'}, 'email_sent_timestamp': {'type': 'string'}, 'event_code': {'type': 'string'},
            'events': {'items': {'def': 'event_instance', 'type': 'object'}, 'type': 'array'}, 'generated_timestamp': {'type': 'string'},
            'id': {'type': 'string'}, 'is_acknowledged': {'type': 'boolean'}, 'raised_timestamp': {'type': 'string'},
            'resource_id': {'type': 'string'}, 'resource_name': {'type': 'string'},
            'resource_type': {
                'enum': [
                    'alert', 'appliance', 'audit_event', 'bond', 'cert_role_mapping', 'chap_config', 'cluster', 'datastore', 'discovered_appliance',
                    'discovered_initiator', 'dns', 'email_notify_destination', 'eth_be_port', 'eth_port', 'event', 'fast_metrics_config', 'fc_port',
                    'file_dhsm_config', 'file_dns', 'file_events_pool', 'file_events_publisher', 'file_ftp', 'file_import_interface',
                    'file_import_nas_server', 'file_import_session', 'file_interface', 'file_interface_route', 'file_io_limit_rule', 'file_kerberos',
                    'file_ldap', 'file_ndmp', 'file_nis', 'file_system', 'file_tree_quota', 'file_user_quota', 'file_virus_checker', 'fsn',
                    'hardware', 'host', 'host_group', 'host_virtual_volume_mapping', 'host_volume_mapping', 'import_host_initiator',
                    'import_host_system', 'import_host_volume', 'import_netapp', 'import_netapp_volume', 'import_psgroup', 'import_psgroup_volume',
                    'import_session', 'import_storage_center', 'import_storage_center_consistency_group', 'import_storage_center_volume',
                    'import_unity', 'import_unity_consistency_group', 'import_unity_volume', 'import_universal_consistency_group', 'import_vmax',
                    'import_vmax_storage_group', 'import_vmax_volume', 'import_vnx_array', 'import_vnx_consistency_group', 'import_vnx_volume',
                    'initiator', 'io_limit_rule', 'ip_pool_address', 'ip_port', 'job', 'keystore_archive', 'kmip_config', 'ldap_account',
                    'ldap_domain', 'license', 'local_user', 'login_banner', 'login_session', 'maintenance_window', 'metrics', 'metrics_archive',
                    'metro_session', 'mfa_cacpiv', 'mfa_securid', 'migration_recommendation', 'migration_session', 'nas_server', 'ndu', 'network',
                    'nfs_export', 'nfs_server', 'node', 'ntp', 'ntp_server', 'nvme_discovered_cdc', 'performance_rule', 'physical_switch', 'policy',
                    'recycle_bin', 'recycle_bin_config', 'remote_syslog_server', 'remote_system', 'replication_rule', 'replication_session', 'role',
                    'sas_port', 'scheduler', 'security_config', 'service_config', 'service_user', 'smb_server', 'smb_share', 'smtp_config',
                    'snapshot_rule', 'software_installed', 'software_package', 'storage_container', 'storage_container_destination', 'vcenter',
                    'veth_port', 'virtual_machine', 'virtual_volume', 'volume', 'volume_group', 'vsphere_host', 'vsphere_host_license_assignment',
                    'witness', 'x509_certificate',
                ],
                'type': 'string',
            },
            'resource_type_l10n': {'type': 'string'}, 'severity': {'enum': ['None', 'Info', 'Minor', 'Major', 'Critical'], 'type': 'string'},
            'severity_l10n': {'type': 'string'}, 'snmp_sent_timestamp': {'type': 'string'},
            'state': {'enum': ['ACTIVE', 'CLEARED'], 'type': 'string'}, 'state_l10n': {'type': 'string'},
        },
    },
    'alert_modify': {
        'properties': {
            'acknowledged_severity': {'enum': ['None', 'Info', 'Minor', 'Major', 'Critical'], 'type': 'string'},
            'is_acknowledged': {'type': 'boolean'},
        },
        'required': ['is_acknowledged'],
    },
    'appliance_create': {
        'properties': {
            'drive_failure_tolerance_level': {'enum': ['Single', 'Double', 'None'], 'type': 'string'}, 'ignore_network_warnings': {'type': 'boolean'},
            'link_local_address': {'type': 'string'}, 'name': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
        },
        'required': ['link_local_address'],
    },
    'appliance_delete': {'properties': {}},
    'appliance_forecast': {'properties': {'metric_type': {'enum': ['Physical_Space_Used_One_Day'], 'type': 'string'}}, 'required': ['metric_type']},
    'appliance_instance': {
        'properties': {
            'drive_failure_tolerance_level': {'enum': ['Single', 'Double', 'None'], 'type': 'string'},
            'drive_failure_tolerance_level_l10n': {'type': 'string'},
            'eth_be_ports': {'items': {'def': 'eth_be_port_instance', 'ref': 'eth_be_port', 'type': 'object'}, 'type': 'array'},
            'eth_ports': {'items': {'def': 'eth_port_instance', 'ref': 'eth_port', 'type': 'object'}, 'type': 'array'},
            'express_service_code': {'type': 'string'},
            'fc_ports': {'items': {'def': 'fc_port_instance', 'ref': 'fc_port', 'type': 'object'}, 'type': 'array'},
            'fsns': {'items': {'def': 'fsn_instance', 'ref': 'fsn', 'type': 'object'}, 'type': 'array'},
            'hardware': {'items': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'type': 'array'}, 'id': {'type': 'string'},
            'ip_pool_addresses': {'items': {'def': 'ip_pool_address_instance', 'ref': 'ip_pool_address', 'type': 'object'}, 'type': 'array'},
            'is_hyper_converged': {'type': 'boolean'},
            'maintenance_windows': {'items': {'def': 'maintenance_window_instance', 'ref': 'maintenance_window', 'type': 'object'}, 'type': 'array'},
            'mode': {'enum': ['Unified', 'Block'], 'type': 'string'}, 'mode_l10n': {'type': 'string'}, 'model': {'type': 'string'},
            'name': {'type': 'string'}, 'node_count': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'nodes': {'items': {'def': 'node_instance', 'ref': 'node', 'type': 'object'}, 'type': 'array'},
            'sas_ports': {'items': {'def': 'sas_port_instance', 'ref': 'sas_port', 'type': 'object'}, 'type': 'array'},
            'service_tag': {'type': 'string'},
            'software_installed': {'items': {'def': 'software_installed_instance', 'ref': 'software_installed', 'type': 'object'}, 'type': 'array'},
            'storage_class': {'enum': ['QLC_Based_Flash', 'TLC_Based_Flash'], 'type': 'string'}, 'storage_class_l10n': {'type': 'string'},
            'veth_ports': {'items': {'def': 'veth_port_instance', 'ref': 'veth_port', 'type': 'object'}, 'type': 'array'},
            'virtual_volumes': {'items': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'type': 'array'},
            'volumes': {'items': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'}, 'type': 'array'},
        },
    },
    'appliance_modify': {'properties': {'name': {'maxLength': 64, 'minLength': 1, 'type': 'string'}}, 'required': ['name']},
    'appliance_time_to_full': {
        'properties': {'metric_type': {'enum': ['Physical_Space_Used_One_Day'], 'type': 'string'}}, 'required': ['metric_type'],
    },
    'appliance_validate_create': {
        'properties': {
            'drive_failure_tolerance_level': {'enum': ['Single', 'Double', 'None'], 'type': 'string'}, 'ignore_network_warnings': {'type': 'boolean'},
            'link_local_address': {'type': 'string'}, 'name': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
        },
        'required': ['link_local_address'],
    },
    'audit_event_instance': {
        'properties': {
            'appliance_id': {'type': 'string'}, 'client_address': {'type': 'string'}, 'id': {'type': 'string'}, 'is_successful': {'type': 'boolean'},
            'job_id': {'type': 'string'}, 'message_arguments': {'items': {'type': 'string'}, 'type': 'array'}, 'message_code': {'type': 'string'},
            'message_l10n': {'type': 'string'},
            'resource_action': {
                'enum': [
                    'add_members', 'add_or_replace', 'add_privileged_account', 'apply_internal_host_licenses', 'attach', 'attach_volzs', 'bind',
                    'bulk_disable_mirror', 'bulk_enable_mirror', 'cancel', 'cancel_download', 'check_connectivity', 'check_snapshots_peer_metadata',
                    'cleanup', 'clone', 'configure_metro', 'create', 'create_migration_sessions', 'create_nas_volume_session', 'cutover',
                    'decommission', 'delete', 'demote', 'destination_objects_sync', 'detach', 'discover', 'discover_fc_targets',
                    'discover_foreign_remote_snapshots', 'download', 'drive_failure_tolerance_level_availability', 'empty', 'enable', 'end_metro',
                    'estimate_appliance_free_space', 'exchange', 'expire_recovery_snapshots', 'extend_trial', 'failover', 'file_create_helper',
                    'file_delete_helper', 'forecast', 'fracture', 'generate', 'generate_temp_credentials', 'get_acl', 'get_bond_runtime_information',
                    'get_ca_server_cert', 'get_configuration_info', 'get_l2_information', 'get_metro_tpg_mesh', 'get_privileged_accounts',
                    'get_replicated_nas_server', 'get_viruschecker_audit_info', 'import_snapshot_policy', 'import_snapshot_profiles',
                    'import_snapshot_schedules', 'install', 'join', 'modify', 'modify_volume_state', 'mount', 'object_sync', 'pause', 'ping',
                    'promote', 'puhc', 'query_appliances', 'query_available_powerstore_networks', 'query_destinations_details', 'query_details',
                    'query_target', 'query_volzs', 'recover', 'rediscover', 'refresh', 'refresh_quota', 'regenerate', 'remove_members',
                    'remove_privileged_account', 'replace', 'report', 'reprotect', 'reset_certificates', 'restore', 'restore_pstx_config', 'resume',
                    'retrieve', 'scale', 'scaling_modify', 'scan_status', 'set_acl', 'set_storage_mode', 'snapshot', 'start_failover_test',
                    'start_migration_sessions', 'start_scan', 'stop_failover_test', 'stop_scan', 'switch_mode_to_metro_sync', 'switch_mode_to_sync',
                    'sync', 'sync_node_affinity', 'sync_snapshot', 'sync_time', 'system_pause', 'test', 'time_to_full', 'try_lock', 'unjoin',
                    'unmount', 'update_dts', 'update_properties', 'update_remote_storage_object', 'update_software', 'update_user_mappings',
                    'upgrade', 'upload', 'upload_certificate', 'upload_config', 'upload_keytab', 'validate_create', 'validate_expand',
                    'validate_limits', 'validate_power_down', 'validate_upgrade', 'vcenter_certificate_retrieve_factory_mode', 'vcenter_discover',
                    'verify', 'verify_local', 'version',
                ],
                'type': 'string',
            },
            'resource_action_l10n': {'type': 'string'},
            'resource_type': {
                'enum': [
                    'alert', 'appliance', 'audit_event', 'bond', 'cert_role_mapping', 'chap_config', 'cluster', 'datastore', 'discovered_appliance',
                    'discovered_initiator', 'dns', 'email_notify_destination', 'eth_be_port', 'eth_port', 'event', 'fast_metrics_config', 'fc_port',
                    'file_dhsm_config', 'file_dns', 'file_events_pool', 'file_events_publisher', 'file_ftp', 'file_import_interface',
                    'file_import_nas_server', 'file_import_session', 'file_interface', 'file_interface_route', 'file_io_limit_rule', 'file_kerberos',
                    'file_ldap', 'file_ndmp', 'file_nis', 'file_system', 'file_tree_quota', 'file_user_quota', 'file_virus_checker', 'fsn',
                    'hardware', 'host', 'host_group', 'host_virtual_volume_mapping', 'host_volume_mapping', 'import_host_initiator',
                    'import_host_system', 'import_host_volume', 'import_netapp', 'import_netapp_volume', 'import_psgroup', 'import_psgroup_volume',
                    'import_session', 'import_storage_center', 'import_storage_center_consistency_group', 'import_storage_center_volume',
                    'import_unity', 'import_unity_consistency_group', 'import_unity_volume', 'import_universal_consistency_group', 'import_vmax',
                    'import_vmax_storage_group', 'import_vmax_volume', 'import_vnx_array', 'import_vnx_consistency_group', 'import_vnx_volume',
                    'initiator', 'io_limit_rule', 'ip_pool_address', 'ip_port', 'job', 'keystore_archive', 'kmip_config', 'ldap_account',
                    'ldap_domain', 'license', 'local_user', 'login_banner', 'login_session', 'maintenance_window', 'metrics', 'metrics_archive',
                    'metro_session', 'mfa_cacpiv', 'mfa_securid', 'migration_recommendation', 'migration_session', 'nas_server', 'ndu', 'network',
                    'nfs_export', 'nfs_server', 'node', 'ntp', 'ntp_server', 'nvme_discovered_cdc', 'performance_rule', 'physical_switch', 'policy',
                    'recycle_bin', 'recycle_bin_config', 'remote_syslog_server', 'remote_system', 'replication_rule', 'replication_session', 'role',
                    'sas_port', 'scheduler', 'security_config', 'service_config', 'service_user', 'smb_server', 'smb_share', 'smtp_config',
                    'snapshot_rule', 'software_installed', 'software_package', 'storage_container', 'storage_container_destination', 'vcenter',
                    'veth_port', 'virtual_machine', 'virtual_volume', 'volume', 'volume_group', 'vsphere_host', 'vsphere_host_license_assignment',
                    'witness', 'x509_certificate',
                ],
                'type': 'string',
            },
            'resource_type_l10n': {'type': 'string'}, 'server_address': {'type': 'string'}, 'timestamp': {'type': 'string'},
            'type': {'enum': ['Authentication', 'Authorization', 'Config', 'System', 'Logout', 'AIDE', 'Service'], 'type': 'string'},
            'type_l10n': {'type': 'string'}, 'username': {'type': 'string'},
        },
    },
    'base_response': {'properties': {'response_type': {'type': 'string'}}, 'required': ['response_type']},
    'bond_create': {
        'properties': {
            'description': {'type': 'string'},
            'port_ids': {'items': {'ref': '#resource', 'type': 'string'}, 'maxItems': 4, 'minItems': 2, 'type': 'array'},
        },
        'required': ['port_ids'],
    },
    'bond_instance': {
        'properties': {
            'description': {'type': 'string'},
            'eth_ports': {'items': {'def': 'eth_port_instance', 'ref': 'eth_port', 'type': 'object'}, 'type': 'array'},
            'fsn': {'def': 'fsn_instance', 'ref': 'fsn', 'type': 'object'}, 'fsn_id': {'type': 'string'}, 'id': {'type': 'string'},
            'ip_ports': {'items': {'def': 'ip_port_instance', 'ref': 'ip_port', 'type': 'object'}, 'type': 'array'},
            'is_link_up': {'type': 'boolean'}, 'mode': {'enum': ['LACP'], 'type': 'string'}, 'mode_l10n': {'type': 'string'},
            'mtu': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'name': {'type': 'string'},
            'partner': {'def': 'bond_instance', 'ref': 'bond', 'type': 'object'}, 'partner_id': {'type': 'string'},
            'status': {'enum': ['Healthy', 'Degraded', 'Failed'], 'type': 'string'}, 'status_l10n': {'type': 'string'},
            'type': {'enum': ['System_Bond', 'User_Bond'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
        },
    },
    'bond_modify': {
        'properties': {
            'add_port_ids': {'items': {'ref': '#resource', 'type': 'string'}, 'maxItems': 2, 'minItems': 1, 'type': 'array'},
            'description': {'type': 'string'},
        },
    },
    'cert_role_mapping_create': {
        'properties': {'name': {'maxLength': 256, 'minLength': 1, 'type': 'string'}, 'role_id': {'ref': 'role', 'type': 'string'}},
        'required': ['name', 'role_id'],
    },
    'cert_role_mapping_instance': {
        'properties': {
            'id': {'type': 'string'}, 'is_locked': {'type': 'boolean'}, 'name': {'type': 'string'}, 'role_id': {'ref': 'role', 'type': 'string'},
        },
    },
    'cert_role_mapping_modify': {'properties': {'is_locked': {'type': 'boolean'}, 'role_id': {'ref': 'role', 'type': 'string'}}},
    'chap_config_instance': {
        'properties': {
            'id': {'type': 'string'}, 'mode': {'enum': ['Disabled', 'Single', 'Mutual'], 'type': 'string'}, 'mode_l10n': {'type': 'string'},
        },
    },
    'chap_config_modify': {'properties': {'mode': {'enum': ['Disabled', 'Single', 'Mutual'], 'type': 'string'}}, 'required': ['mode']},
    'chap_credentials_instance': {
        'properties': {
            'initiator_discovery_password': {'type': 'string'}, 'initiator_discovery_username': {'type': 'string'},
            'initiator_session_password': {'type': 'string'}, 'initiator_session_username': {'type': 'string'},
            'target_discovery_password': {'type': 'string'}, 'target_discovery_username': {'type': 'string'},
            'target_session_password': {'type': 'string'}, 'target_session_username': {'type': 'string'},
        },
    },
    'cluster_create': {
        'properties': {
            'appliances': {'items': {'def': 'cluster_create_appliances', 'type': 'object'}, 'type': 'array'},
            'cluster': {'def': 'cluster_create_cluster', 'type': 'object'},
            'dns_servers': {'items': {'maxItems': 3, 'minItems': 1, 'type': 'string'}, 'type': 'array'},
            'networks': {'items': {'def': 'cluster_create_networks', 'type': 'object'}, 'type': 'array'},
            'ntp_servers': {'items': {'maxItems': 3, 'minItems': 1, 'type': 'string'}, 'type': 'array'},
            'physical_switches': {'items': {'def': 'cluster_create_physical_switches', 'type': 'object'}, 'type': 'array'},
            'security_config': {'def': 'cluster_create_security_config', 'type': 'object'},
            'vcenters': {'items': {'def': 'cluster_create_vcenters', 'type': 'object'}, 'maxItems': 1, 'type': 'array'},
        },
        'required': ['cluster', 'appliances', 'dns_servers', 'ntp_servers', 'networks'],
    },
    'cluster_create_appliances': {
        'properties': {
            'drive_failure_tolerance_level': {'enum': ['Single', 'Double', 'None'], 'type': 'string'}, 'link_local_address': {'type': 'string'},
            'name': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
        },
        'required': ['link_local_address'],
    },
    'cluster_create_cluster': {
        'properties': {'ignore_network_warnings': {'type': 'boolean'}, 'name': {'maxLength': 64, 'minLength': 1, 'type': 'string'}},
        'required': ['name'],
    },
    'cluster_create_networks': {
        'properties': {
            'addresses': {'items': {'maxItems': 256, 'type': 'string'}, 'type': 'array'}, 'cluster_mgmt_address': {'type': 'string'},
            'gateway': {'type': 'string'}, 'prefix_length': {'maximum': 128, 'minimum': 0, 'type': 'integer'},
            'purposes': {
                'items': {'enum': ['ISCSI', 'NVMe_TCP', 'File_Mobility', 'External_Replication'], 'type': 'string'}, 'maxItems': 32, 'minItems': 0,
                'type': 'array',
            },
            'storage_discovery_address': {'type': 'string'},
            'type': {
                'enum': ['Management', 'Intra_Cluster_Management', 'Intra_Cluster_Data', 'Storage', 'VMotion', 'File_Mobility'], 'type': 'string',
            },
            'vlan_id': {'maximum': 4094, 'minimum': 0, 'type': 'integer'},
        },
        'required': ['type', 'addresses', 'prefix_length'],
    },
    'cluster_create_physical_switch_connection': {
        'properties': {
            'address': {'type': 'string'}, 'connect_method': {'enum': ['SSH', 'SNMPv2c'], 'type': 'string'},
            'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'}, 'snmp_community_string': {'type': 'string'},
            'ssh_password': {'type': 'string'}, 'username': {'type': 'string'},
        },
        'required': ['address', 'connect_method'],
    },
    'cluster_create_physical_switches': {
        'properties': {
            'connections': {'items': {'def': 'cluster_create_physical_switch_connection', 'type': 'object'}, 'type': 'array'},
            'name': {'type': 'string'}, 'purpose': {'enum': ['Data_and_Management', 'Management_Only'], 'type': 'string'},
        },
        'required': ['name', 'purpose', 'connections'],
    },
    'cluster_create_security_config': {
        'properties': {'is_http_redirect_enabled': {'type': 'boolean'}, 'vasa_retain_certificate': {'type': 'boolean'}},
    },
    'cluster_create_vasa_provider_credentials': {
        'properties': {'password': {'type': 'string'}, 'username': {'type': 'string'}}, 'required': ['username', 'password'],
    },
    'cluster_create_vcenters': {
        'properties': {
            'address': {'type': 'string'}, 'data_center_create': {'type': 'boolean'}, 'data_center_id': {'type': 'string'},
            'data_center_name': {'type': 'string'}, 'esx_cluster_name': {'type': 'string'}, 'is_verify_server_cert': {'type': 'boolean'},
            'password': {'type': 'string'}, 'username': {'type': 'string'},
            'vasa_provider_credentials': {'def': 'cluster_create_vasa_provider_credentials', 'type': 'object'},
        },
        'required': ['address', 'username', 'password', 'is_verify_server_cert', 'vasa_provider_credentials'],
    },
    'cluster_forecast': {'properties': {'metric_type': {'enum': ['Physical_Space_Used_One_Day'], 'type': 'string'}}, 'required': ['metric_type']},
    'cluster_instance': {
        'properties': {
            'appliance_count': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'compatibility_level': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'global_id': {'type': 'string'},
            'id': {'type': 'string'}, 'is_encryption_enabled': {'type': 'boolean'}, 'management_address': {'type': 'string'},
            'master_appliance_id': {'type': 'string'}, 'name': {'type': 'string'}, 'nvm_subsystem_nqn': {'type': 'string'},
            'physical_mtu': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'primary_appliance_id': {'type': 'string'},
            'state': {
                'enum': [
                    'Unconfigured', 'Unconfigured_Faulted', 'Configuring', 'Core_Initialization', 'Configured', 'Expanding', 'Removing',
                    'Clustering_Failed', 'Core_Initialization_Failed', 'Removed', 'Post_Core_Initialization', 'Unknown',
                ],
                'type': 'string',
            },
            'state_l10n': {'type': 'string'}, 'storage_discovery_address': {'type': 'string'}, 'system_time': {'type': 'string'},
        },
    },
    'cluster_modify': {
        'properties': {
            'name': {'maxLength': 64, 'minLength': 1, 'type': 'string'}, 'physical_mtu': {'maximum': 9000, 'minimum': 1500, 'type': 'integer'},
        },
    },
    'cluster_time_to_full': {'properties': {'metric_type': {'enum': ['Physical_Space_Used_One_Day'], 'type': 'string'}}, 'required': ['metric_type']},
    'cluster_validate_create': {
        'properties': {
            'appliances': {'items': {'def': 'cluster_create_appliances', 'type': 'object'}, 'type': 'array'},
            'cluster': {'def': 'cluster_create_cluster', 'type': 'object'}, 'dns_servers': {'items': {'type': 'string'}, 'type': 'array'},
            'networks': {'items': {'def': 'cluster_create_networks', 'type': 'object'}, 'type': 'array'},
            'ntp_servers': {'items': {'type': 'string'}, 'type': 'array'},
            'physical_switches': {'items': {'def': 'cluster_create_physical_switches', 'type': 'object'}, 'type': 'array'},
            'security_config': {'def': 'cluster_create_security_config', 'type': 'object'},
            'vcenters': {'items': {'def': 'cluster_create_vcenters', 'type': 'object'}, 'type': 'array'},
        },
        'required': ['cluster', 'appliances', 'dns_servers', 'ntp_servers', 'networks'],
    },
    'consistency_group_member_host_group_mapping': {
        'properties': {'host_group_ids': {'items': {'ref': 'host_group', 'type': 'string'}, 'type': 'array'}, 'volume_wwn': {'type': 'string'}},
    },
    'consistency_group_member_host_mapping': {
        'properties': {'host_ids': {'items': {'ref': 'host', 'type': 'string'}, 'type': 'array'}, 'volume_wwn': {'type': 'string'}},
    },
    'data_connection_instance': {
        'properties': {
            'data_connection_type': {'enum': ['iSCSI', 'TCP', 'FC', 'DD_Boost'], 'type': 'string'}, 'data_connection_type_l10n': {'type': 'string'},
            'initiator_address': {'type': 'string'}, 'node_id': {'type': 'string'},
            'status': {
                'enum': [
                    'Login_Success', 'Authentication_Failure', 'Connection_Refused', 'Login_Timeout', 'Network_Error', 'General_Failure',
                    'Login_Success_No_Ports', 'Discovery_Success', 'Discovery_Authentication_Failure', 'Discovery_Connection_Refused',
                    'Discovery_Timeout', 'Operation_Timeout',
                ],
                'type': 'string',
            },
            'status_l10n': {'type': 'string'}, 'target_address': {'type': 'string'},
        },
    },
    'datacollection_appliance_instance': {
        'properties': {
            'appliance_serial_number': {'type': 'string'}, 'compressed_size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'download_uri': {'type': 'string'}, 'downloaded': {'type': 'string'}, 'end_timestamp': {'type': 'string'}, 'id': {'type': 'string'},
            'log_from_timestamp': {'type': 'string'}, 'log_to_timestamp': {'type': 'string'}, 'node': {'type': 'string'},
            'start_timestamp': {'type': 'string'}, 'status': {'enum': ['SUCCESS', 'PARTIAL', 'FAILED', 'RUNNING'], 'type': 'string'},
            'status_l10n': {'type': 'string'}, 'status_message_l10n': {'type': 'string'},
            'uncompressed_size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'upload_in_progress': {'type': 'boolean'},
            'uploaded': {'type': 'string'},
        },
    },
    'datacollection_create': {
        'properties': {
            'datacollection_profile_ids': {'items': {'ref': 'datacollection_profile', 'type': 'string'}, 'type': 'array'},
            'description': {'maxLength': 128, 'type': 'string'}, 'log_from_timestamp': {'type': 'string'}, 'log_to_timestamp': {'type': 'string'},
            'profiles': {'items': {'ref': 'datacollection_profile', 'type': 'string'}, 'type': 'array'},
            'resource': {'def': 'datacollection_resource_instance', 'type': 'object'}, 'upload_to_support': {'type': 'boolean'},
        },
    },
    'datacollection_instance': {
        'properties': {
            'appliances': {'items': {'def': 'datacollection_appliance_instance', 'type': 'object'}, 'type': 'array'},
            'compressed_size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'creator_type': {'enum': ['Manual', 'Scheduled', 'System', 'Health_Change', 'Create_Cluster'], 'type': 'string'},
            'creator_type_l10n': {'type': 'string'}, 'description': {'type': 'string'}, 'downloaded': {'type': 'string'},
            'end_timestamp': {'type': 'string'}, 'id': {'type': 'string'}, 'log_from_timestamp': {'type': 'string'},
            'log_to_timestamp': {'type': 'string'},
            'profiles': {'items': {'def': 'datacollection_profile_instance', 'type': 'object'}, 'type': 'array'},
            'start_timestamp': {'type': 'string'}, 'status': {'enum': ['SUCCESS', 'PARTIAL', 'FAILED', 'RUNNING'], 'type': 'string'},
            'status_l10n': {'type': 'string'}, 'status_message': {'type': 'string'},
            'uncompressed_size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'uploaded': {'type': 'string'},
        },
    },
    'datacollection_profile_instance': {
        'properties': {
            'description': {'type': 'string'}, 'id': {'type': 'string'}, 'is_default': {'type': 'boolean'}, 'name': {'type': 'string'},
            'prompt': {'type': 'string'}, 'status': {'enum': ['enabled', 'disabled', 'deprecated'], 'type': 'string'},
            'status_l10n': {'type': 'string'},
        },
    },
    'datacollection_resource_instance': {
        'properties': {
            'resource_ids': {'items': {'type': 'string'}, 'type': 'array'},
            'resource_type': {'enum': ['appliance', 'file_system', 'volume', 'virtual_volume', 'volume_group'], 'type': 'string'},
        },
    },
    'datacollection_upload': {'properties': {'include_dump': {'type': 'boolean'}}},
    'datastore_instance': {
        'properties': {
            'id': {'type': 'string'}, 'instance_uuid': {'type': 'string'}, 'name': {'type': 'string'},
            'nfs_export': {'def': 'nfs_export_instance', 'ref': 'nfs_export', 'type': 'object'}, 'nfs_export_id': {'type': 'string'},
            'storage_container': {'def': 'storage_container_instance', 'ref': 'storage_container', 'type': 'object'},
            'storage_container_id': {'type': 'string'}, 'type': {'enum': ['vVol', 'VMFS', 'NFS'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
            'vcenter': {'def': 'vcenter_instance', 'ref': 'vcenter', 'type': 'object'}, 'vcenter_id': {'type': 'string'},
            'virtual_machines': {'items': {'def': 'virtual_machine_instance', 'ref': 'virtual_machine', 'type': 'object'}, 'type': 'array'},
            'volumes': {'items': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'}, 'type': 'array'},
            'vsphere_hosts': {'items': {'def': 'vsphere_host_instance', 'ref': 'vsphere_host', 'type': 'object'}, 'type': 'array'},
            'vsphere_object_id': {'type': 'string'},
        },
    },
    'discovered_appliance_compatibility': {
        'properties': {
            'compatibility': {
                'enum': ['Compatible', 'Incompatible_Cluster_Software_Too_Old', 'Incompatible_Object_Limit_Mismatch', 'Operation_Failed'],
                'type': 'string',
            },
            'compatibility_l10n': {'type': 'string'}, 'incompatible_reason_l10n': {'type': 'string'},
        },
    },
    'discovered_appliance_drive_failure_tolerance_level_availability': {
        'properties': {
            'availability': {'enum': ['Available', 'AvailableWithWarning', 'Unavailable'], 'type': 'string'},
            'level': {'enum': ['Single', 'Double', 'None'], 'type': 'string'}, 'level_l10n': {'type': 'string'},
            'messages': {
                'items': {'def': 'discovered_appliance_drive_failure_tolerance_level_availability.messages[]', 'type': 'object'}, 'type': 'array',
            },
        },
    },
    'discovered_appliance_drive_failure_tolerance_level_availability.messages[]': {
        'properties': {'code': {'type': 'string'}, 'message_l10n': {'type': 'string'}},
    },
    'discovered_appliance_instance': {
        'properties': {
            'build_id': {'type': 'string'}, 'build_version': {'type': 'string'},
            'clustering_compatibilities': {'items': {'def': 'discovered_appliance_compatibility', 'type': 'object'}, 'type': 'array'},
            'drive_failure_tolerance_level_and_availability': {
                'items': {'def': 'discovered_appliance_drive_failure_tolerance_level_availability', 'type': 'object'}, 'type': 'array',
            },
            'express_service_code': {'type': 'string'}, 'id': {'type': 'string'}, 'is_hyper_converged': {'type': 'boolean'},
            'is_local': {'type': 'boolean'}, 'is_unified_capable': {'type': 'boolean'}, 'link_local_address': {'type': 'string'},
            'management_service_ready': {'type': 'boolean'}, 'mode': {'enum': ['Unified', 'Block'], 'type': 'string'}, 'model': {'type': 'string'},
            'node_count': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'power_score': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'service_name': {'type': 'string'},
            'service_tag': {'type': 'string'},
            'software_version_compatibility': {'enum': ['Same', 'Newer', 'Older', 'Not_Applicable'], 'type': 'string'},
            'state': {
                'enum': [
                    'Unconfigured', 'Unconfigured_Faulted', 'Configuring', 'Configured', 'Clustering_Failed', 'Core_Initialization_Failed', 'Removed',
                ],
                'type': 'string',
            },
            'storage_class': {'enum': ['QLC_Based_Flash', 'TLC_Based_Flash'], 'type': 'string'}, 'version': {'type': 'string'},
        },
    },
    'discovered_appliance_modify': {'properties': {'mode': {'enum': ['Unified', 'Block'], 'type': 'string'}}},
    'discovered_appliance_update_software': {
        'properties': {
            'appliance_address': {'type': 'string'}, 'appliance_dst': {'type': 'string'}, 'mode': {'enum': ['Unified', 'Block'], 'type': 'string'},
            'password': {'type': 'string'},
        },
    },
    'discovered_initiator_instance': {
        'properties': {
            'name': {'type': 'string'}, 'nvme_transport_addresses': {'items': {'type': 'string'}, 'type': 'array'},
            'nvme_transport_types': {'items': {'enum': ['TCP', 'FC'], 'type': 'string'}, 'type': 'array'},
            'nvme_transport_types_l10n': {'items': {'type': 'string'}, 'type': 'array'},
            'protocol_type': {'enum': ['iSCSI', 'FC', 'NVMe', 'NVMe_vVol'], 'type': 'string'}, 'protocol_type_l10n': {'type': 'string'},
        },
    },
    'dns_instance': {'properties': {'addresses': {'items': {'type': 'string'}, 'type': 'array'}, 'id': {'type': 'string'}}},
    'dns_modify': {
        'properties': {'addresses': {'items': {'type': 'string'}, 'maxItems': 3, 'minItems': 1, 'type': 'array'}}, 'required': ['addresses'],
    },
    'email_notify_destination_create': {
        'properties': {
            'email_address': {'type': 'string'}, 'notify_critical': {'type': 'boolean'}, 'notify_info': {'type': 'boolean'},
            'notify_major': {'type': 'boolean'}, 'notify_minor': {'type': 'boolean'},
        },
        'required': ['email_address'],
    },
    'email_notify_destination_instance': {
        'properties': {
            'email_address': {'type': 'string'}, 'id': {'type': 'string'}, 'notify_critical': {'type': 'boolean'}, 'notify_info': {'type': 'boolean'},
            'notify_major': {'type': 'boolean'}, 'notify_minor': {'type': 'boolean'},
        },
    },
    'email_notify_destination_modify': {
        'properties': {
            'email_address': {'type': 'string'}, 'notify_critical': {'type': 'boolean'}, 'notify_info': {'type': 'boolean'},
            'notify_major': {'type': 'boolean'}, 'notify_minor': {'type': 'boolean'},
        },
    },
    'error_instance': {
        'properties': {'arguments': {'items': {'type': 'string'}, 'type': 'array'}, 'code': {'type': 'string'}, 'message_l10n': {'type': 'string'}},
    },
    'error_message': {
        'properties': {
            'arguments': {'items': {'type': 'string'}, 'type': 'array'}, 'code': {'type': 'string'}, 'message_l10n': {'type': 'string'},
            'severity': {'enum': ['Info', 'Warning', 'Error'], 'type': 'string'}, 'severity_l10n': {'type': 'string'},
        },
    },
    'eth_be_port_instance': {
        'properties': {
            'actual_peer': {'def': 'eth_be_port_instance', 'ref': 'eth_be_port', 'type': 'object'}, 'actual_peer_id': {'type': 'string'},
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'appliance_id': {'type': 'string'},
            'expected_peer': {'def': 'eth_be_port_instance', 'ref': 'eth_be_port', 'type': 'object'}, 'expected_peer_id': {'type': 'string'},
            'hardware_parent': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'hardware_parent_id': {'type': 'string'},
            'id': {'type': 'string'}, 'is_link_up': {'type': 'boolean'}, 'mac_address': {'type': 'string'}, 'name': {'type': 'string'},
            'node': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'node_id': {'type': 'string'},
            'port_connector_type': {
                'enum': [
                    'Unknown', 'SC', 'FC_Style1_Copper', 'FC_Style2_Copper', 'BNC_TNC', 'FC_Coaxial_Headers', 'FiberJack', 'LC', 'MT_RJ', 'MU', 'SG',
                    'Optical_Pigtail', 'HSSDC_II', 'Copper_Pigtail', 'RJ45', 'No_Separable', 'MXC_2x16', 'MPO_1x12', 'MPO_2x16',
                ],
                'type': 'string',
            },
            'port_connector_type_l10n': {'type': 'string'}, 'port_index': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'protocols': {'items': {'enum': ['NVMe'], 'type': 'string'}, 'type': 'array'},
            'protocols_l10n': {'items': {'type': 'string'}, 'type': 'array'},
            'sfp': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'sfp_id': {'type': 'string'},
            'speed': {'enum': ['25_Gbps', '100_Gbps'], 'type': 'string'}, 'speed_l10n': {'type': 'string'},
            'stale_state': {'enum': ['Not_Stale', 'Disconnected'], 'type': 'string'}, 'stale_state_l10n': {'type': 'string'},
        },
    },
    'eth_port_instance': {
        'properties': {
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'appliance_id': {'type': 'string'},
            'bond': {'def': 'bond_instance', 'ref': 'bond', 'type': 'object'}, 'bond_id': {'type': 'string'},
            'current_mtu': {'maximum': 9000, 'minimum': 1280, 'type': 'integer'},
            'current_speed': {'enum': ['Auto', '10_Mbps', '100_Mbps', '1_Gbps', '10_Gbps', '25_Gbps', '40_Gbps', '100_Gbps'], 'type': 'string'},
            'current_speed_l10n': {'type': 'string'}, 'fsn': {'def': 'fsn_instance', 'ref': 'fsn', 'type': 'object'}, 'fsn_id': {'type': 'string'},
            'hardware_parent': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'hardware_parent_id': {'type': 'string'},
            'hypervisor_port_id': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'hypervisor_port_name': {'type': 'string'},
            'hypervisor_vswitch_id': {'type': 'string'}, 'hypervisor_vswitch_name': {'type': 'string'}, 'id': {'type': 'string'},
            'io_module': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'io_module_id': {'type': 'string'},
            'ip_ports': {'items': {'def': 'ip_port_instance', 'ref': 'ip_port', 'type': 'object'}, 'type': 'array'},
            'is_hypervisor_managed': {'type': 'boolean'}, 'is_in_use': {'type': 'boolean'}, 'is_link_up': {'type': 'boolean'},
            'l2_discovery_details': {'def': 'l2_discovery_details_instance', 'type': 'object'}, 'mac_address': {'type': 'string'},
            'name': {'type': 'string'}, 'node': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'node_id': {'type': 'string'},
            'partner': {'def': 'eth_port_instance', 'ref': 'eth_port', 'type': 'object'}, 'partner_id': {'type': 'string'},
            'permanent_mac_address': {'type': 'string'},
            'port_connector_type': {
                'enum': [
                    'Unknown', 'SC', 'FC_Style1_Copper', 'FC_Style2_Copper', 'BNC_TNC', 'FC_Coaxial_Headers', 'FiberJack', 'LC', 'MT_RJ', 'MU', 'SG',
                    'Optical_Pigtail', 'HSSDC_II', 'Copper_Pigtail', 'RJ45', 'No_Separable', 'MXC_2x16', 'MPO_1x12', 'MPO_2x16',
                ],
                'type': 'string',
            },
            'port_connector_type_l10n': {'type': 'string'}, 'port_index': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'requested_speed': {'enum': ['Auto', '10_Mbps', '100_Mbps', '1_Gbps', '10_Gbps', '25_Gbps', '40_Gbps', '100_Gbps'], 'type': 'string'},
            'requested_speed_l10n': {'type': 'string'}, 'sfp': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'},
            'sfp_id': {'type': 'string'}, 'stale_state': {'enum': ['Not_Stale', 'Disconnected'], 'type': 'string'},
            'stale_state_l10n': {'type': 'string'},
            'supported_speeds': {
                'items': {'enum': ['Auto', '10_Mbps', '100_Mbps', '1_Gbps', '10_Gbps', '25_Gbps', '40_Gbps', '100_Gbps'], 'type': 'string'},
                'type': 'array',
            },
            'supported_speeds_l10n': {'items': {'type': 'string'}, 'type': 'array'},
        },
    },
    'eth_port_modify': {
        'properties': {
            'requested_speed': {'enum': ['Auto', '10_Mbps', '100_Mbps', '1_Gbps', '10_Gbps', '25_Gbps', '40_Gbps', '100_Gbps'], 'type': 'string'},
        },
        'required': ['requested_speed'],
    },
    'event_instance': {
        'properties': {
            'description_l10n': {'type': 'string'}, 'event_code': {'type': 'string'}, 'generated_timestamp': {'type': 'string'},
            'id': {'type': 'string'}, 'repair_flow_l10n': {'type': 'string'}, 'resource_id': {'type': 'string'}, 'resource_name': {'type': 'string'},
            'resource_type': {
                'enum': [
                    'alert', 'appliance', 'audit_event', 'bond', 'cert_role_mapping', 'chap_config', 'cluster', 'datastore', 'discovered_appliance',
                    'discovered_initiator', 'dns', 'email_notify_destination', 'eth_be_port', 'eth_port', 'event', 'fast_metrics_config', 'fc_port',
                    'file_dhsm_config', 'file_dns', 'file_events_pool', 'file_events_publisher', 'file_ftp', 'file_import_interface',
                    'file_import_nas_server', 'file_import_session', 'file_interface', 'file_interface_route', 'file_io_limit_rule', 'file_kerberos',
                    'file_ldap', 'file_ndmp', 'file_nis', 'file_system', 'file_tree_quota', 'file_user_quota', 'file_virus_checker', 'fsn',
                    'hardware', 'host', 'host_group', 'host_virtual_volume_mapping', 'host_volume_mapping', 'import_host_initiator',
                    'import_host_system', 'import_host_volume', 'import_netapp', 'import_netapp_volume', 'import_psgroup', 'import_psgroup_volume',
                    'import_session', 'import_storage_center', 'import_storage_center_consistency_group', 'import_storage_center_volume',
                    'import_unity', 'import_unity_consistency_group', 'import_unity_volume', 'import_universal_consistency_group', 'import_vmax',
                    'import_vmax_storage_group', 'import_vmax_volume', 'import_vnx_array', 'import_vnx_consistency_group', 'import_vnx_volume',
                    'initiator', 'io_limit_rule', 'ip_pool_address', 'ip_port', 'job', 'keystore_archive', 'kmip_config', 'ldap_account',
                    'ldap_domain', 'license', 'local_user', 'login_banner', 'login_session', 'maintenance_window', 'metrics', 'metrics_archive',
                    'metro_session', 'mfa_cacpiv', 'mfa_securid', 'migration_recommendation', 'migration_session', 'nas_server', 'ndu', 'network',
                    'nfs_export', 'nfs_server', 'node', 'ntp', 'ntp_server', 'nvme_discovered_cdc', 'performance_rule', 'physical_switch', 'policy',
                    'recycle_bin', 'recycle_bin_config', 'remote_syslog_server', 'remote_system', 'replication_rule', 'replication_session', 'role',
                    'sas_port', 'scheduler', 'security_config', 'service_config', 'service_user', 'smb_server', 'smb_share', 'smtp_config',
                    'snapshot_rule', 'software_installed', 'software_package', 'storage_container', 'storage_container_destination', 'vcenter',
                    'veth_port', 'virtual_machine', 'virtual_volume', 'volume', 'volume_group', 'vsphere_host', 'vsphere_host_license_assignment',
                    'witness', 'x509_certificate',
                ],
                'type': 'string',
            },
            'resource_type_l10n': {'type': 'string'}, 'severity': {'enum': ['None', 'Info', 'Minor', 'Major', 'Critical'], 'type': 'string'},
            'severity_l10n': {'type': 'string'}, 'system_impact_l10n': {'type': 'string'},
        },
    },
    'fast_metrics_config_create': {
        'properties': {
            'resource_id': {'maxLength': 36, 'ref': '#resource', 'type': 'string'},
            'resource_type': {'enum': ['virtual_volume', 'volume'], 'type': 'string'},
        },
        'required': ['resource_id', 'resource_type'],
    },
    'fast_metrics_config_instance': {
        'properties': {
            'id': {'type': 'string'}, 'resource_id': {'type': 'string'}, 'resource_type': {'enum': ['virtual_volume', 'volume'], 'type': 'string'},
            'resource_type_l10n': {'type': 'string'},
        },
    },
    'fc_port_instance': {
        'properties': {
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'appliance_id': {'type': 'string'},
            'current_speed': {'enum': ['Auto', '4_Gbps', '8_Gbps', '16_Gbps', '32_Gbps'], 'type': 'string'}, 'current_speed_l10n': {'type': 'string'},
            'hardware_parent': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'hardware_parent_id': {'type': 'string'},
            'id': {'type': 'string'}, 'io_module': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'},
            'io_module_id': {'type': 'string'}, 'is_in_use': {'type': 'boolean'}, 'is_link_up': {'type': 'boolean'}, 'name': {'type': 'string'},
            'node': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'node_id': {'type': 'string'},
            'partner': {'def': 'fc_port_instance', 'ref': 'fc_port', 'type': 'object'}, 'partner_id': {'type': 'string'},
            'port_connector_type': {
                'enum': [
                    'Unknown', 'SC', 'FC_Style1_Copper', 'FC_Style2_Copper', 'BNC_TNC', 'FC_Coaxial_Headers', 'FiberJack', 'LC', 'MT_RJ', 'MU', 'SG',
                    'Optical_Pigtail', 'HSSDC_II', 'Copper_Pigtail', 'RJ45', 'No_Separable', 'MXC_2x16', 'MPO_1x12', 'MPO_2x16',
                ],
                'type': 'string',
            },
            'port_connector_type_l10n': {'type': 'string'}, 'port_index': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'protocols': {'items': {'enum': ['SCSI', 'NVMe'], 'type': 'string'}, 'type': 'array'},
            'protocols_l10n': {'items': {'type': 'string'}, 'type': 'array'},
            'requested_speed': {'enum': ['Auto', '4_Gbps', '8_Gbps', '16_Gbps', '32_Gbps'], 'type': 'string'},
            'requested_speed_l10n': {'type': 'string'}, 'scsi_mode': {'enum': ['Dual', 'Target'], 'type': 'string'},
            'scsi_mode_l10n': {'type': 'string'}, 'sfp': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'},
            'sfp_id': {'type': 'string'}, 'stale_state': {'enum': ['Not_Stale', 'Disconnected'], 'type': 'string'},
            'stale_state_l10n': {'type': 'string'},
            'supported_speeds': {'items': {'enum': ['Auto', '4_Gbps', '8_Gbps', '16_Gbps', '32_Gbps'], 'type': 'string'}, 'type': 'array'},
            'supported_speeds_l10n': {'items': {'type': 'string'}, 'type': 'array'}, 'wwn': {'type': 'string'}, 'wwn_node': {'type': 'string'},
            'wwn_nvme': {'type': 'string'},
        },
    },
    'fc_port_modify': {
        'properties': {'requested_speed': {'enum': ['Auto', '4_Gbps', '8_Gbps', '16_Gbps', '32_Gbps'], 'type': 'string'}},
        'required': ['requested_speed'],
    },
    'fc_target_instance': {'properties': {'wwnn': {'type': 'string'}, 'wwpn': {'type': 'string'}}},
    'file_dhsm_config_create': {
        'properties': {
            'nas_server_id': {'ref': 'nas_server', 'type': 'string'}, 'password': {'maxLength': 15, 'minLength': 1, 'type': 'string'},
            'user_name': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
        },
        'required': ['nas_server_id', 'user_name', 'password'],
    },
    'file_dhsm_config_instance': {
        'properties': {
            'id': {'type': 'string'}, 'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'},
            'nas_server_id': {'type': 'string'}, 'user_name': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
        },
    },
    'file_dhsm_config_modify': {
        'properties': {
            'password': {'maxLength': 15, 'minLength': 1, 'type': 'string'}, 'user_name': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
        },
    },
    'file_dns_create': {
        'properties': {
            'domain': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'ip_addresses': {'items': {'type': 'string'}, 'maxItems': 3, 'minItems': 1, 'type': 'array'},
            'nas_server_id': {'ref': 'nas_server', 'type': 'string'}, 'transport': {'enum': ['UDP', 'TCP'], 'type': 'string'},
        },
        'required': ['nas_server_id', 'domain', 'ip_addresses'],
    },
    'file_dns_instance': {
        'properties': {
            'domain': {'type': 'string'}, 'id': {'type': 'string'}, 'ip_addresses': {'items': {'type': 'string'}, 'type': 'array'},
            'is_destination_override_enabled': {'type': 'boolean'},
            'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'nas_server_id': {'type': 'string'},
            'source_parameters': {'def': 'file_dns_instance.source_parameters', 'type': 'object'},
            'transport': {'enum': ['UDP', 'TCP'], 'type': 'string'}, 'transport_l10n': {'type': 'string'},
        },
    },
    'file_dns_instance.source_parameters': {'properties': {'ip_addresses': {'items': {'type': 'string'}, 'type': 'array'}}},
    'file_dns_modify': {
        'properties': {
            'add_ip_addresses': {'items': {'type': 'string'}, 'maxItems': 3, 'minItems': 1, 'type': 'array'},
            'domain': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'ip_addresses': {'items': {'type': 'string'}, 'maxItems': 3, 'minItems': 1, 'type': 'array'},
            'is_destination_override_enabled': {'type': 'boolean'},
            'remove_ip_addresses': {'items': {'type': 'string'}, 'maxItems': 3, 'minItems': 1, 'type': 'array'},
            'transport': {'enum': ['UDP', 'TCP'], 'type': 'string'},
        },
    },
    'file_events_pool_create': {
        'properties': {
            'file_events_publisher_servers': {'items': {'type': 'string'}, 'maxItems': 5, 'minItems': 1, 'type': 'array'},
            'file_events_settings': {
                'items': {'def': 'file_events_settings_instance', 'type': 'object'}, 'maxItems': 3, 'minItems': 1, 'type': 'array',
            },
            'name': {'maxLength': 80, 'minLength': 1, 'type': 'string'},
        },
        'required': ['name', 'file_events_publisher_servers', 'file_events_settings'],
    },
    'file_events_pool_instance': {
        'properties': {
            'destination_file_events_publisher_servers': {'items': {'type': 'string'}, 'maxItems': 5, 'minItems': 1, 'type': 'array'},
            'file_events_publisher_servers': {'items': {'type': 'string'}, 'maxItems': 5, 'minItems': 1, 'type': 'array'},
            'file_events_publishers': {
                'items': {'def': 'file_events_publisher_instance', 'ref': 'file_events_publisher', 'type': 'object'}, 'type': 'array',
            },
            'file_events_settings': {
                'items': {'def': 'file_events_settings_instance', 'type': 'object'}, 'maxItems': 3, 'minItems': 1, 'type': 'array',
            },
            'id': {'type': 'string'}, 'is_replica': {'type': 'boolean'}, 'name': {'maxLength': 80, 'minLength': 1, 'type': 'string'},
        },
    },
    'file_events_pool_modify': {
        'properties': {
            'destination_file_events_publisher_servers': {'items': {'type': 'string'}, 'maxItems': 5, 'minItems': 0, 'type': 'array'},
            'file_events_publisher_servers': {'items': {'type': 'string'}, 'maxItems': 5, 'minItems': 1, 'type': 'array'},
            'file_events_settings': {
                'items': {'def': 'file_events_settings_instance', 'type': 'object'}, 'maxItems': 3, 'minItems': 1, 'type': 'array',
            },
            'name': {'maxLength': 80, 'minLength': 1, 'type': 'string'},
            'remove_categories': {
                'items': {'enum': ['Pre_Events', 'Post_Events', 'Post_Error_Events'], 'type': 'string'}, 'maxItems': 3, 'minItems': 1,
                'type': 'array',
            },
        },
    },
    'file_events_publisher_create': {
        'properties': {
            'connection_timeout': {'maximum': 5000, 'minimum': 50, 'type': 'integer'}, 'deny_access_when_all_servers_offline': {'type': 'boolean'},
            'file_events_pool_ids': {'items': {'ref': 'file_events_pool', 'type': 'string'}, 'maxItems': 3, 'minItems': 1, 'type': 'array'},
            'heartbeat': {'maximum': 120, 'minimum': 1, 'type': 'integer'}, 'http_port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'name': {'maxLength': 80, 'minLength': 1, 'type': 'string'}, 'password': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'post_event_policy': {'enum': ['Ignore', 'Accumulate', 'Guarantee', 'Deny'], 'type': 'string'},
            'username': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
        },
        'required': ['name'],
    },
    'file_events_publisher_instance': {
        'properties': {
            'connection_timeout': {'maximum': 5000, 'minimum': 50, 'type': 'integer'}, 'deny_access_when_all_servers_offline': {'type': 'boolean'},
            'file_events_pools': {'items': {'def': 'file_events_pool_instance', 'ref': 'file_events_pool', 'type': 'object'}, 'type': 'array'},
            'heartbeat': {'maximum': 120, 'minimum': 1, 'type': 'integer'}, 'http_port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'id': {'type': 'string'}, 'is_enabled': {'type': 'boolean'}, 'is_replica': {'type': 'boolean'},
            'name': {'maxLength': 80, 'minLength': 1, 'type': 'string'},
            'nas_servers': {'items': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'type': 'array'},
            'post_event_policy': {'enum': ['Ignore', 'Accumulate', 'Guarantee', 'Deny'], 'type': 'string'},
            'post_event_policy_l10n': {'type': 'string'}, 'username': {'type': 'string'},
        },
    },
    'file_events_publisher_modify': {
        'properties': {
            'connection_timeout': {'maximum': 5000, 'minimum': 50, 'type': 'integer'}, 'deny_access_when_all_servers_offline': {'type': 'boolean'},
            'file_events_pool_ids': {
                'items': {'ref': 'file_events_pool', 'type': 'string'}, 'maxItems': 3, 'minItems': 0, 'nullable': True, 'type': 'array',
            },
            'heartbeat': {'maximum': 120, 'minimum': 1, 'type': 'integer'}, 'http_port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'is_enabled': {'type': 'boolean'}, 'name': {'maxLength': 80, 'minLength': 1, 'type': 'string'},
            'password': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'post_event_policy': {'enum': ['Ignore', 'Accumulate', 'Guarantee', 'Deny'], 'type': 'string'},
            'username': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
        },
    },
    'file_events_settings_instance': {
        'properties': {
            'close_dir': {'type': 'boolean'}, 'close_modified': {'type': 'boolean'}, 'close_unmodified': {'type': 'boolean'},
            'create_dir': {'type': 'boolean'}, 'create_file': {'type': 'boolean'}, 'delete_dir': {'type': 'boolean'},
            'delete_file': {'type': 'boolean'}, 'events_category': {'enum': ['Pre_Events', 'Post_Events', 'Post_Error_Events'], 'type': 'string'},
            'file_read': {'type': 'boolean'}, 'file_write': {'type': 'boolean'}, 'open_dir': {'type': 'boolean'},
            'open_file_no_access': {'type': 'boolean'}, 'open_file_read': {'type': 'boolean'}, 'open_file_read_offline': {'type': 'boolean'},
            'open_file_write': {'type': 'boolean'}, 'open_file_write_offline': {'type': 'boolean'}, 'rename_dir': {'type': 'boolean'},
            'rename_file': {'type': 'boolean'}, 'set_acl_dir': {'type': 'boolean'}, 'set_acl_file': {'type': 'boolean'},
            'set_sec_dir': {'type': 'boolean'}, 'set_sec_file': {'type': 'boolean'},
        },
    },
    'file_extended_localized_message': {
        'properties': {
            'full_description': {'def': 'error_message', 'type': 'object'}, 'message': {'def': 'error_message', 'type': 'object'},
            'recommended_action': {'def': 'error_message', 'type': 'object'},
        },
    },
    'file_ftp_create': {
        'properties': {
            'audit_dir': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
            'audit_max_size': {'maximum': 5368709120, 'minimum': 40960, 'type': 'integer'},
            'default_homedir': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
            'groups': {'items': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'maxItems': 64, 'type': 'array'},
            'hosts': {'items': {'type': 'string'}, 'maxItems': 64, 'type': 'array'}, 'is_allowed_groups': {'type': 'boolean'},
            'is_allowed_hosts': {'type': 'boolean'}, 'is_allowed_users': {'type': 'boolean'},
            'is_anonymous_authentication_enabled': {'type': 'boolean'}, 'is_audit_enabled': {'type': 'boolean'},
            'is_ftp_enabled': {'type': 'boolean'}, 'is_homedir_limit_enabled': {'type': 'boolean'}, 'is_sftp_enabled': {'type': 'boolean'},
            'is_smb_authentication_enabled': {'type': 'boolean'}, 'is_unix_authentication_enabled': {'type': 'boolean'},
            'message_of_the_day': {'maxLength': 511, 'minLength': 0, 'type': 'string'}, 'nas_server_id': {'ref': 'nas_server', 'type': 'string'},
            'users': {'items': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'maxItems': 64, 'type': 'array'},
            'welcome_message': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
        },
        'required': ['nas_server_id'],
    },
    'file_ftp_instance': {
        'properties': {
            'audit_dir': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
            'audit_max_size': {'maximum': 9223372036854775807, 'minimum': 40960, 'type': 'integer'},
            'default_homedir': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
            'groups': {'items': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'maxItems': 64, 'type': 'array'},
            'hosts': {'items': {'type': 'string'}, 'maxItems': 64, 'type': 'array'}, 'id': {'type': 'string'},
            'is_allowed_groups': {'type': 'boolean'}, 'is_allowed_hosts': {'type': 'boolean'}, 'is_allowed_users': {'type': 'boolean'},
            'is_anonymous_authentication_enabled': {'type': 'boolean'}, 'is_audit_enabled': {'type': 'boolean'},
            'is_ftp_enabled': {'type': 'boolean'}, 'is_homedir_limit_enabled': {'type': 'boolean'}, 'is_sftp_enabled': {'type': 'boolean'},
            'is_smb_authentication_enabled': {'type': 'boolean'}, 'is_unix_authentication_enabled': {'type': 'boolean'},
            'message_of_the_day': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
            'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'nas_server_id': {'type': 'string'},
            'users': {'items': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'maxItems': 64, 'type': 'array'},
            'welcome_message': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
        },
    },
    'file_ftp_modify': {
        'properties': {
            'add_groups': {'items': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'maxItems': 64, 'minItems': 1, 'type': 'array'},
            'add_hosts': {'items': {'type': 'string'}, 'maxItems': 64, 'minItems': 1, 'type': 'array'},
            'add_users': {'items': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'maxItems': 64, 'minItems': 1, 'type': 'array'},
            'audit_dir': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
            'audit_max_size': {'maximum': 5368709120, 'minimum': 40960, 'type': 'integer'},
            'default_homedir': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
            'groups': {'items': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'maxItems': 64, 'type': 'array'},
            'hosts': {'items': {'type': 'string'}, 'maxItems': 64, 'type': 'array'}, 'is_allowed_groups': {'type': 'boolean'},
            'is_allowed_hosts': {'type': 'boolean'}, 'is_allowed_users': {'type': 'boolean'},
            'is_anonymous_authentication_enabled': {'type': 'boolean'}, 'is_audit_enabled': {'type': 'boolean'},
            'is_ftp_enabled': {'type': 'boolean'}, 'is_homedir_limit_enabled': {'type': 'boolean'}, 'is_sftp_enabled': {'type': 'boolean'},
            'is_smb_authentication_enabled': {'type': 'boolean'}, 'is_unix_authentication_enabled': {'type': 'boolean'},
            'message_of_the_day': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
            'remove_groups': {'items': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'maxItems': 64, 'minItems': 1, 'type': 'array'},
            'remove_hosts': {'items': {'type': 'string'}, 'maxItems': 64, 'minItems': 1, 'type': 'array'},
            'remove_users': {'items': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'maxItems': 64, 'minItems': 1, 'type': 'array'},
            'users': {'items': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'maxItems': 64, 'type': 'array'},
            'welcome_message': {'maxLength': 511, 'minLength': 0, 'type': 'string'},
        },
    },
    'file_import_interface_create': {
        'properties': {
            'gateway': {'maxLength': 45, 'minLength': 1, 'type': 'string'}, 'ip_address': {'maxLength': 45, 'minLength': 1, 'type': 'string'},
            'ip_port_id': {'ref': 'ip_port', 'type': 'string'}, 'prefix_length': {'maximum': 128, 'minimum': 1, 'type': 'integer'},
            'vlan_id': {'maximum': 4094, 'minimum': 0, 'ref': '#null', 'type': 'integer'},
        },
        'required': ['ip_port_id', 'ip_address', 'prefix_length'],
    },
    'file_import_interface_instance': {
        'properties': {
            'gateway': {'type': 'string'}, 'id': {'type': 'string'}, 'ip_address': {'type': 'string'}, 'ip_port_id': {'type': 'string'},
            'prefix_length': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'vlan_id': {'maximum': 4094, 'minimum': 0, 'type': 'integer'},
        },
    },
    'file_import_interface_modify': {
        'properties': {
            'gateway': {'maxLength': 45, 'minLength': 1, 'type': 'string'}, 'ip_address': {'maxLength': 45, 'minLength': 1, 'type': 'string'},
            'ip_port_id': {'ref': 'ip_port', 'type': 'string'}, 'prefix_length': {'maximum': 128, 'minimum': 1, 'type': 'integer'},
            'vlan_id': {'maximum': 4094, 'minimum': 0, 'ref': '#null', 'type': 'integer'},
        },
    },
    'file_import_nas_server_instance': {
        'properties': {
            'file_interfaces': {'items': {'def': 'file_import_source_network_interface', 'type': 'object'}, 'type': 'array'},
            'file_systems': {'items': {'def': 'file_import_source_filesystem', 'type': 'object'}, 'type': 'array'}, 'id': {'type': 'string'},
            'importable_criteria': {'type': 'string'}, 'is_cta_configured': {'type': 'boolean'}, 'is_importable': {'type': 'boolean'},
            'name': {'type': 'string'},
            'non_importable_criteria': {
                'items': {
                    'enum': [
                        'Target_Nas_Servers_Limit_Reached', 'Filesystem_Used_Size_Too_Big', 'Filesystems_Limit_Exceeded',
                        'Net_Interfaces_Limit_Exceeded', 'No_Production_File_Interfaces', 'No_Net_Interfaces', 'No_Import_Net_Interfaces',
                        'No_Suitable_Source_Import_Interface', 'Import_Session_Already_Exists', 'Imported_Nas_Server_Already_Exists',
                        'Dhsm_Is_Not_Enabled_For_Flr_Import', 'Dhsm_Https_With_Certificate_Is_Not_Supported', 'Flr_Fs_Auto_Lock_Enabled',
                        'Flr_Fs_Auto_Delete_Enabled', 'Flr_Fs_Auto_Lock_And_Auto_Delete_Enabled', 'Unsupported_Fs_Type', 'Unsupported_Fs_Mount_Path',
                        'Fs_Temporarily_Unmounted', 'Cifs_Multiple_Servers', 'Cifs_Like_Windows_Nt_Not_Supported', 'Cifs_Server_Default',
                        'Cifs_Not_Joined', 'Time_Difference_Exceeds_Limit', 'Vdm_Is_Not_Loaded', 'Nfsv4_Enabled', 'Nfs_Export_Kerberos_Option',
                        'Interface_Ipv4_Link_Local', 'Interface_Ipv4_Multicast', 'Interface_Ipv6_Multicast', 'Cifs_Interfaces_Not_Attached',
                        'Multiprotocol_Nas', 'Disallowed_To_Import_Default_Vdm_Of_Dm', 'Multiprotocol_Cifs_Standalone',
                        'Multiprotocol_Rediscovery_Required', 'Unsupported_Protocol_Type', 'Dhsm_Backup_Is_Offline',
                        'Dhsm_Connection_Type_Unsupported', 'Dhsm_Connections_Differ', 'Dhsm_Connection_Unresolvable',
                        'Dhsm_Connection_Rediscovery_Required',
                    ],
                    'type': 'string',
                },
                'type': 'array',
            },
            'non_importable_criteria_l10n': {'items': {'type': 'string'}, 'type': 'array'},
            'non_importable_messages': {'items': {'def': 'file_extended_localized_message', 'type': 'object'}, 'type': 'array'},
            'non_importable_reasons': {'type': 'string'},
            'protocol_type': {'enum': ['NFS', 'SMB', 'NFS_SMB_Multiprotocol', 'NFS_SMB_Non_Multiprotocol'], 'type': 'string'},
            'protocol_type_l10n': {'type': 'string'}, 'remote_system_id': {'type': 'string'},
            'smb_server': {'def': 'file_import_smb_configuration', 'type': 'object'},
        },
    },
    'file_import_session_cancel': {
        'properties': {'domain_admin_password': {'type': 'string'}, 'domain_admin_username': {'type': 'string'}, 'force': {'type': 'boolean'}},
    },
    'file_import_session_commit': {'properties': {'force': {'type': 'boolean'}}},
    'file_import_session_create': {
        'properties': {
            'cta_admin_password': {'maxLength': 1023, 'type': 'string'}, 'cta_admin_username': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'description': {'maxLength': 128, 'type': 'string'},
            'file_interfaces': {'items': {'def': 'file_import_session_file_interface_mapping', 'type': 'object'}, 'maxItems': 1024, 'type': 'array'},
            'import_file_interface_id': {'ref': '#remote/file_interface', 'type': 'string'}, 'name': {'maxLength': 32, 'type': 'string'},
            'protection_policy_id': {'ref': 'policy', 'type': 'string'}, 'remote_system_id': {'ref': 'remote_system', 'type': 'string'},
            'scheduled_timestamp': {'type': 'string'}, 'source_dhsm_password': {'maxLength': 1023, 'type': 'string'},
            'source_dhsm_username': {'maxLength': 1023, 'minLength': 1, 'type': 'string'}, 'source_interface': {'type': 'string'},
            'source_resource_id': {'ref': 'nas_server', 'type': 'string'}, 'source_smb_admin_password': {'maxLength': 1023, 'type': 'string'},
            'source_smb_admin_username': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
        },
        'required': ['name', 'remote_system_id', 'source_resource_id', 'import_file_interface_id'],
    },
    'file_import_session_cutover': {
        'properties': {
            'domain_admin_password': {'type': 'string'}, 'domain_admin_username': {'type': 'string'},
            'new_source_smb_server_configuration': {'def': 'file_import_session_cutover_smb_properties', 'type': 'object'},
        },
    },
    'file_import_session_cutover_smb_properties': {
        'properties': {
            'computer_name': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'domain': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'is_standalone': {'type': 'boolean'}, 'netbios_name': {'maxLength': 15, 'minLength': 1, 'type': 'string'},
            'organizational_unit': {'minLength': 1, 'type': 'string'}, 'workgroup': {'maxLength': 15, 'minLength': 1, 'type': 'string'},
        },
    },
    'file_import_session_file_interface_mapping': {
        'properties': {'ip_port_id': {'type': 'string'}, 'name': {'maxLength': 255, 'minLength': 1, 'type': 'string'}},
        'required': ['name', 'ip_port_id'],
    },
    'file_import_session_instance': {
        'properties': {
            'cta_admin_username': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'current_operation': {
                'enum': [
                    'Initial_Provisioning', 'Initial_Copy', 'Importing_Config', 'Ready_For_Cutover', 'Cutting_Over', 'Incremental_Copy',
                    'Ready_For_Commit', 'Committing',
                ],
                'type': 'string',
            },
            'current_operation_l10n': {'type': 'string'},
            'current_operation_progress_percentage': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'description': {'type': 'string'},
            'destination_resource_id': {'type': 'string'}, 'destination_resource_type': {'enum': ['nas_server', 'filesystem'], 'type': 'string'},
            'destination_resource_type_l10n': {'type': 'string'}, 'error': {'type': 'string'},
            'estimated_completion_timestamp': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'id': {'type': 'string'},
            'import_file_interface_id': {'type': 'string'}, 'last_update_timestamp': {'type': 'string'}, 'name': {'type': 'string'},
            'nas_server_id': {'type': 'string'}, 'protection_policy_id': {'type': 'string'}, 'remote_system_id': {'type': 'string'},
            'scheduled_timestamp': {'type': 'string'}, 'source_dhsm_username': {'type': 'string'}, 'source_interface': {'type': 'string'},
            'source_resource_id': {'type': 'string'}, 'source_smb_admin_username': {'type': 'string'},
            'state': {
                'enum': ['Scheduled', 'Queued', 'In_Progress', 'Completed', 'Cancelling', 'Cancelled', 'Pausing', 'Paused', 'Failed'],
                'type': 'string',
            },
            'state_l10n': {'type': 'string'},
        },
    },
    'file_import_session_modify': {
        'properties': {
            'cta_admin_password': {'maxLength': 1023, 'type': 'string'}, 'cta_admin_username': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'description': {'maxLength': 128, 'type': 'string'}, 'name': {'maxLength': 32, 'type': 'string'},
            'scheduled_timestamp': {'type': 'string'}, 'source_dhsm_password': {'maxLength': 1023, 'type': 'string'},
            'source_dhsm_username': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'source_smb_admin_password': {'maxLength': 1023, 'type': 'string'},
            'source_smb_admin_username': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
        },
    },
    'file_import_smb_configuration': {
        'properties': {
            'computer_name': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'description': {'type': 'string'},
            'domain': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'is_standalone': {'type': 'boolean'},
            'netbios_name': {'maxLength': 15, 'minLength': 1, 'type': 'string'}, 'organizational_unit': {'minLength': 1, 'type': 'string'},
            'workgroup': {'maxLength': 15, 'minLength': 1, 'type': 'string'},
        },
    },
    'file_import_source_filesystem': {
        'properties': {
            'import_source_nas_server_id': {'type': 'string'}, 'is_flr_enabled': {'type': 'boolean'}, 'name': {'type': 'string'},
            'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'sourcename': {'type': 'string'},
            'targetname': {'type': 'string'},
        },
    },
    'file_import_source_network_interface': {
        'properties': {
            'gateway': {'type': 'string'}, 'import_source_nas_server_id': {'type': 'string'}, 'ip_address': {'type': 'string'},
            'is_disabled': {'type': 'boolean'}, 'name': {'type': 'string'}, 'netmask': {'type': 'string'}, 'network_device': {'type': 'string'},
            'prefix_length': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'vlan_id': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
        },
    },
    'file_interface_create': {
        'properties': {
            'gateway': {'maxLength': 45, 'minLength': 1, 'type': 'string'}, 'ip_address': {'maxLength': 45, 'minLength': 1, 'type': 'string'},
            'ip_port_id': {'ref': 'ip_port', 'type': 'string'}, 'is_disabled': {'type': 'boolean'},
            'nas_server_id': {'ref': 'nas_server', 'type': 'string'}, 'prefix_length': {'maximum': 128, 'minimum': 1, 'type': 'integer'},
            'role': {'enum': ['Production', 'Backup', 'System'], 'type': 'string'},
            'vlan_id': {'maximum': 4094, 'minimum': 0, 'ref': '#null', 'type': 'integer'},
        },
        'required': ['nas_server_id', 'ip_address', 'prefix_length'],
    },
    'file_interface_instance': {
        'properties': {
            'file_interface_routes': {
                'items': {'def': 'file_interface_route_instance', 'ref': 'file_interface_route', 'type': 'object'}, 'type': 'array',
            },
            'gateway': {'type': 'string'}, 'id': {'type': 'string'}, 'ip_address': {'type': 'string'},
            'ip_port': {'def': 'ip_port_instance', 'ref': 'ip_port', 'type': 'object'}, 'ip_port_id': {'type': 'string'},
            'is_destination_override_enabled': {'type': 'boolean'}, 'is_disabled': {'type': 'boolean'}, 'is_dr_test': {'type': 'boolean'},
            'name': {'type': 'string'}, 'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'},
            'nas_server_id': {'type': 'string'}, 'prefix_length': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'role': {'enum': ['Production', 'Backup', 'System'], 'type': 'string'}, 'role_l10n': {'type': 'string'},
            'source_parameters': {'def': 'file_interface_source_parameters', 'type': 'object'},
            'vlan_id': {'maximum': 4094, 'minimum': 0, 'type': 'integer'},
        },
    },
    'file_interface_modify': {
        'properties': {
            'gateway': {'maxLength': 45, 'minLength': 0, 'type': 'string'}, 'ip_address': {'maxLength': 45, 'minLength': 1, 'type': 'string'},
            'ip_port_id': {'ref': 'ip_port', 'type': 'string'}, 'is_destination_override_enabled': {'type': 'boolean'},
            'is_disabled': {'type': 'boolean'}, 'prefix_length': {'maximum': 128, 'minimum': 1, 'type': 'integer'},
            'vlan_id': {'maximum': 4094, 'minimum': 0, 'ref': '#null', 'type': 'integer'},
        },
    },
    'file_interface_route_create': {
        'properties': {
            'destination': {'type': 'string'}, 'file_interface_id': {'ref': 'file_interface', 'type': 'string'},
            'gateway': {'maxLength': 45, 'minLength': 1, 'type': 'string'}, 'prefix_length': {'maximum': 128, 'minimum': 1, 'type': 'integer'},
        },
        'required': ['file_interface_id', 'destination', 'prefix_length'],
    },
    'file_interface_route_instance': {
        'properties': {
            'destination': {'type': 'string'}, 'file_interface': {'def': 'file_interface_instance', 'ref': 'file_interface', 'type': 'object'},
            'file_interface_id': {'type': 'string'}, 'gateway': {'type': 'string'}, 'id': {'type': 'string'},
            'operational_status': {
                'enum': ['Ok', 'Invalid_IP_Version', 'Invalid_Source_Interface', 'Invalid_Gateway', 'Not_Operational'], 'type': 'string',
            },
            'operational_status_l10n': {'type': 'string'}, 'prefix_length': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
        },
    },
    'file_interface_route_modify': {
        'properties': {
            'destination': {'type': 'string'}, 'gateway': {'maxLength': 45, 'minLength': 0, 'type': 'string'},
            'prefix_length': {'maximum': 128, 'minimum': 1, 'type': 'integer'},
        },
        'required': ['destination', 'prefix_length'],
    },
    'file_interface_source_parameters': {
        'properties': {
            'gateway': {'maxLength': 45, 'minLength': 0, 'type': 'string'}, 'ip_address': {'maxLength': 45, 'minLength': 1, 'type': 'string'},
            'ip_port_id': {'type': 'string'}, 'prefix_length': {'maximum': 128, 'minimum': 1, 'type': 'integer'},
            'vlan_id': {'maximum': 4094, 'minimum': 0, 'type': 'integer'},
        },
    },
    'file_io_limit_rule_create': {
        'properties': {'max_bw': {'maximum': 1000000, 'minimum': 1, 'type': 'integer'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}},
        'required': ['name', 'max_bw'],
    },
    'file_io_limit_rule_instance': {
        'properties': {
            'id': {'type': 'string'}, 'max_bw': {'maximum': 1000000, 'minimum': 1, 'type': 'integer'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'policies': {'items': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'type': 'array'},
        },
    },
    'file_io_limit_rule_modify': {
        'properties': {'max_bw': {'maximum': 1000000, 'minimum': 1, 'type': 'integer'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}},
    },
    'file_kerberos_create': {
        'properties': {
            'kdc_addresses': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
            'nas_server_id': {'ref': 'nas_server', 'type': 'string'}, 'port_number': {'maximum': 65535, 'minimum': 1, 'type': 'integer'},
            'realm': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
        },
        'required': ['nas_server_id', 'realm', 'kdc_addresses'],
    },
    'file_kerberos_instance': {
        'properties': {
            'id': {'type': 'string'}, 'kdc_addresses': {'items': {'type': 'string'}, 'type': 'array'},
            'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'nas_server_id': {'type': 'string'},
            'port_number': {'maximum': 65535, 'minimum': 0, 'type': 'integer'}, 'realm': {'type': 'string'},
        },
    },
    'file_kerberos_modify': {
        'properties': {
            'add_kdc_addresses': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
            'kdc_addresses': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
            'port_number': {'maximum': 65535, 'minimum': 1, 'type': 'integer'}, 'realm': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'remove_kdc_addresses': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
        },
    },
    'file_ldap_create': {
        'properties': {
            'addresses': {'items': {'type': 'string'}, 'maxItems': 10, 'minItems': 0, 'type': 'array'},
            'authentication_type': {'enum': ['Anonymous', 'Simple', 'Kerberos'], 'type': 'string'},
            'base_DN': {'maxLength': 255, 'minLength': 3, 'type': 'string'}, 'bind_DN': {'maxLength': 1023, 'minLength': 0, 'type': 'string'},
            'bind_password': {'maxLength': 1023, 'minLength': 0, 'type': 'string'}, 'is_smb_account_used': {'type': 'boolean'},
            'is_verify_server_certificate': {'type': 'boolean'}, 'nas_server_id': {'ref': 'nas_server', 'type': 'string'},
            'password': {'maxLength': 1023, 'minLength': 0, 'type': 'string'}, 'port_number': {'maximum': 65535, 'minimum': 1, 'type': 'integer'},
            'principal': {'maxLength': 1023, 'minLength': 0, 'type': 'string'}, 'profile_DN': {'maxLength': 255, 'minLength': 0, 'type': 'string'},
            'protocol': {'enum': ['LDAP', 'LDAPS'], 'type': 'string'}, 'realm': {'maxLength': 255, 'minLength': 0, 'type': 'string'},
        },
        'required': ['nas_server_id', 'authentication_type', 'base_DN', 'addresses', 'port_number'],
    },
    'file_ldap_instance': {
        'properties': {
            'addresses': {'items': {'type': 'string'}, 'type': 'array'},
            'authentication_type': {'enum': ['Anonymous', 'Simple', 'Kerberos'], 'type': 'string'}, 'authentication_type_l10n': {'type': 'string'},
            'base_DN': {'type': 'string'}, 'bind_DN': {'type': 'string'}, 'id': {'type': 'string'}, 'is_certificate_uploaded': {'type': 'boolean'},
            'is_config_file_uploaded': {'type': 'boolean'}, 'is_destination_override_enabled': {'type': 'boolean'},
            'is_smb_account_used': {'type': 'boolean'}, 'is_verify_server_certificate': {'type': 'boolean'},
            'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'nas_server_id': {'type': 'string'},
            'port_number': {'maximum': 65535, 'minimum': 0, 'type': 'integer'}, 'principal': {'type': 'string'}, 'profile_DN': {'type': 'string'},
            'protocol': {'enum': ['LDAP', 'LDAPS'], 'type': 'string'}, 'protocol_l10n': {'type': 'string'}, 'realm': {'type': 'string'},
            'schema_type': {'enum': ['RFC2307', 'Microsoft', 'Unknown'], 'type': 'string'}, 'schema_type_l10n': {'type': 'string'},
            'source_parameters': {'def': 'file_ldap_instance.source_parameters', 'type': 'object'},
        },
    },
    'file_ldap_instance.source_parameters': {'properties': {'addresses': {'items': {'type': 'string'}, 'type': 'array'}}},
    'file_ldap_modify': {
        'properties': {
            'add_addresses': {'items': {'type': 'string'}, 'maxItems': 10, 'minItems': 0, 'type': 'array'},
            'addresses': {'items': {'type': 'string'}, 'maxItems': 10, 'minItems': 0, 'type': 'array'},
            'authentication_type': {'enum': ['Anonymous', 'Simple', 'Kerberos'], 'type': 'string'},
            'base_DN': {'maxLength': 255, 'minLength': 3, 'type': 'string'}, 'bind_DN': {'maxLength': 1023, 'minLength': 0, 'type': 'string'},
            'bind_password': {'maxLength': 1023, 'minLength': 0, 'type': 'string'}, 'is_destination_override_enabled': {'type': 'boolean'},
            'is_smb_account_used': {'type': 'boolean'}, 'is_verify_server_certificate': {'type': 'boolean'},
            'password': {'maxLength': 1023, 'minLength': 0, 'type': 'string'}, 'port_number': {'maximum': 65535, 'minimum': 1, 'type': 'integer'},
            'principal': {'maxLength': 1023, 'minLength': 0, 'type': 'string'}, 'profile_DN': {'maxLength': 255, 'minLength': 0, 'type': 'string'},
            'protocol': {'enum': ['LDAP', 'LDAPS'], 'type': 'string'}, 'realm': {'maxLength': 255, 'minLength': 0, 'type': 'string'},
            'remove_addresses': {'items': {'type': 'string'}, 'maxItems': 10, 'minItems': 0, 'type': 'array'},
        },
    },
    'file_ndmp_create': {
        'properties': {
            'nas_server_id': {'ref': 'nas_server', 'type': 'string'}, 'password': {'maxLength': 15, 'minLength': 1, 'type': 'string'},
            'user_name': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
        },
        'required': ['nas_server_id', 'user_name', 'password'],
    },
    'file_ndmp_instance': {
        'properties': {
            'id': {'type': 'string'}, 'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'},
            'nas_server_id': {'type': 'string'}, 'user_name': {'type': 'string'},
        },
    },
    'file_ndmp_modify': {
        'properties': {
            'password': {'maxLength': 15, 'minLength': 1, 'type': 'string'}, 'user_name': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
        },
    },
    'file_nis_create': {
        'properties': {
            'domain': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'ip_addresses': {'items': {'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
            'nas_server_id': {'ref': 'nas_server', 'type': 'string'},
        },
        'required': ['nas_server_id', 'domain', 'ip_addresses'],
    },
    'file_nis_instance': {
        'properties': {
            'domain': {'type': 'string'}, 'id': {'type': 'string'}, 'ip_addresses': {'items': {'type': 'string'}, 'type': 'array'},
            'is_destination_override_enabled': {'type': 'boolean'},
            'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'nas_server_id': {'type': 'string'},
            'source_parameters': {'def': 'file_nis_instance.source_parameters', 'type': 'object'},
        },
    },
    'file_nis_instance.source_parameters': {'properties': {'ip_addresses': {'items': {'type': 'string'}, 'type': 'array'}}},
    'file_nis_modify': {
        'properties': {
            'add_ip_addresses': {'items': {'maxItems': 10, 'minItems': 1, 'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
            'domain': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'ip_addresses': {'items': {'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
            'is_destination_override_enabled': {'type': 'boolean'},
            'remove_ip_addresses': {'items': {'maxItems': 10, 'minItems': 1, 'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
        },
    },
    'file_system_clone': {
        'properties': {
            'access_policy': {'enum': ['Native', 'UNIX', 'Windows'], 'type': 'string'},
            'description': {'maxLength': 255, 'minLength': 0, 'type': 'string'},
            'file_events_publishing_mode': {'enum': ['None', 'SMB_Only', 'NFS_Only', 'All'], 'type': 'string'},
            'flr_attributes': {'def': 'flr_clone', 'type': 'object'},
            'folder_rename_policy': {'enum': ['All_Allowed', 'SMB_Forbidden', 'All_Forbidden'], 'type': 'string'},
            'is_async_MTime_enabled': {'type': 'boolean'}, 'is_smb_no_notify_enabled': {'type': 'boolean'},
            'is_smb_notify_on_access_enabled': {'type': 'boolean'}, 'is_smb_notify_on_write_enabled': {'type': 'boolean'},
            'is_smb_op_locks_enabled': {'type': 'boolean'}, 'is_smb_sync_writes_enabled': {'type': 'boolean'},
            'locking_policy': {'enum': ['Advisory', 'Mandatory'], 'type': 'string'}, 'name': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'smb_notify_on_change_dir_depth': {'maximum': 512, 'minimum': 1, 'type': 'integer'},
        },
        'required': ['name'],
    },
    'file_system_create': {
        'properties': {
            'access_policy': {'enum': ['Native', 'UNIX', 'Windows'], 'type': 'string'},
            'config_type': {'enum': ['General', 'VMware'], 'type': 'string'}, 'description': {'maxLength': 255, 'minLength': 0, 'type': 'string'},
            'file_events_publishing_mode': {'enum': ['None', 'SMB_Only', 'NFS_Only', 'All'], 'type': 'string'},
            'flr_attributes': {'def': 'flr_create', 'type': 'object'},
            'folder_rename_policy': {'enum': ['All_Allowed', 'SMB_Forbidden', 'All_Forbidden'], 'type': 'string'},
            'host_io_size': {'enum': ['VMware_8K', 'VMware_16K', 'VMware_32K', 'VMware_64K'], 'type': 'string'},
            'is_async_MTime_enabled': {'type': 'boolean'}, 'is_smb_no_notify_enabled': {'type': 'boolean'},
            'is_smb_notify_on_access_enabled': {'type': 'boolean'}, 'is_smb_notify_on_write_enabled': {'type': 'boolean'},
            'is_smb_op_locks_enabled': {'type': 'boolean'}, 'is_smb_sync_writes_enabled': {'type': 'boolean'},
            'locking_policy': {'enum': ['Advisory', 'Mandatory'], 'type': 'string'}, 'name': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'nas_server_id': {'ref': 'nas_server', 'type': 'string'}, 'performance_policy_id': {'ref': 'policy', 'type': 'string'},
            'protection_policy_id': {'ref': 'policy', 'type': 'string'},
            'size_total': {'maximum': 281474976710656, 'minimum': 3221225472, 'type': 'integer'},
            'smb_notify_on_change_dir_depth': {'maximum': 512, 'minimum': 1, 'type': 'integer'},
        },
        'required': ['name', 'nas_server_id', 'size_total'],
    },
    'file_system_instance': {
        'properties': {
            'access_policy': {'enum': ['Native', 'UNIX', 'Windows'], 'type': 'string'}, 'access_policy_l10n': {'type': 'string'},
            'access_type': {'enum': ['Snapshot', 'Protocol'], 'type': 'string'}, 'access_type_l10n': {'type': 'string'},
            'config_type': {'enum': ['General', 'VMware'], 'type': 'string'}, 'config_type_l10n': {'type': 'string'},
            'creation_timestamp': {'type': 'string'}, 'creator_type': {'enum': ['Scheduler', 'User'], 'type': 'string'},
            'creator_type_l10n': {'type': 'string'}, 'default_hard_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'default_soft_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'description': {'type': 'string'},
            'expiration_timestamp': {'type': 'string'},
            'file_events_publishing_mode': {'enum': ['None', 'SMB_Only', 'NFS_Only', 'All'], 'type': 'string'},
            'file_events_publishing_mode_l10n': {'type': 'string'},
            'file_tree_quotas': {'items': {'def': 'file_tree_quota_instance', 'ref': 'file_tree_quota', 'type': 'object'}, 'type': 'array'},
            'file_user_quotas': {'items': {'def': 'file_user_quota_instance', 'ref': 'file_user_quota', 'type': 'object'}, 'type': 'array'},
            'filesystem_type': {'enum': ['Primary', 'Snapshot'], 'type': 'string'}, 'filesystem_type_l10n': {'type': 'string'},
            'flr_attributes': {'def': 'flr_instance', 'type': 'object'},
            'folder_rename_policy': {'enum': ['All_Allowed', 'SMB_Forbidden', 'All_Forbidden'], 'type': 'string'},
            'folder_rename_policy_l10n': {'type': 'string'}, 'grace_period': {'maximum': 2147483647, 'minimum': -1, 'type': 'integer'},
            'host_io_size': {'enum': ['VMware_8K', 'VMware_16K', 'VMware_32K', 'VMware_64K'], 'type': 'string'},
            'host_io_size_l10n': {'type': 'string'}, 'id': {'type': 'string'}, 'is_async_MTime_enabled': {'type': 'boolean'},
            'is_modified': {'type': 'boolean'}, 'is_quota_enabled': {'type': 'boolean'}, 'is_secure': {'type': 'boolean'},
            'is_smb_no_notify_enabled': {'type': 'boolean'}, 'is_smb_notify_on_access_enabled': {'type': 'boolean'},
            'is_smb_notify_on_write_enabled': {'type': 'boolean'}, 'is_smb_op_locks_enabled': {'type': 'boolean'},
            'is_smb_sync_writes_enabled': {'type': 'boolean'}, 'last_refresh_timestamp': {'type': 'string'},
            'last_writable_timestamp': {'type': 'string'}, 'locking_policy': {'enum': ['Advisory', 'Mandatory'], 'type': 'string'},
            'locking_policy_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'nas_server_id': {'type': 'string'},
            'nfs_exports': {'items': {'def': 'nfs_export_instance', 'ref': 'nfs_export', 'type': 'object'}, 'type': 'array'},
            'parent_id': {'type': 'string'}, 'performance_policy': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'},
            'performance_policy_id': {'type': 'string'}, 'protection_policy': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'},
            'protection_policy_id': {'type': 'string'}, 'size_total': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'size_used': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'smb_notify_on_change_dir_depth': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'smb_shares': {'items': {'def': 'smb_share_instance', 'ref': 'smb_share', 'type': 'object'}, 'type': 'array'},
        },
    },
    'file_system_modify': {
        'properties': {
            'access_policy': {'enum': ['Native', 'UNIX', 'Windows'], 'type': 'string'},
            'default_hard_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'default_soft_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'description': {'maxLength': 255, 'minLength': 0, 'type': 'string'}, 'expiration_timestamp': {'type': 'string'},
            'file_events_publishing_mode': {'enum': ['None', 'SMB_Only', 'NFS_Only', 'All'], 'type': 'string'},
            'flr_attributes': {'def': 'flr_modify', 'type': 'object'},
            'folder_rename_policy': {'enum': ['All_Allowed', 'SMB_Forbidden', 'All_Forbidden'], 'type': 'string'},
            'grace_period': {'maximum': 2147483647, 'minimum': -1, 'type': 'integer'}, 'is_async_MTime_enabled': {'type': 'boolean'},
            'is_quota_enabled': {'type': 'boolean'}, 'is_secure': {'type': 'boolean'}, 'is_smb_no_notify_enabled': {'type': 'boolean'},
            'is_smb_notify_on_access_enabled': {'type': 'boolean'}, 'is_smb_notify_on_write_enabled': {'type': 'boolean'},
            'is_smb_op_locks_enabled': {'type': 'boolean'}, 'is_smb_sync_writes_enabled': {'type': 'boolean'},
            'locking_policy': {'enum': ['Advisory', 'Mandatory'], 'type': 'string'}, 'performance_policy_id': {'ref': 'policy', 'type': 'string'},
            'protection_policy_id': {'ref': 'policy', 'type': 'string'},
            'size_total': {'maximum': 281474976710656, 'minimum': 3221225472, 'type': 'integer'},
            'smb_notify_on_change_dir_depth': {'maximum': 512, 'minimum': 1, 'type': 'integer'},
        },
    },
    'file_system_restore': {'properties': {'copy_name': {'maxLength': 255, 'minLength': 1, 'type': 'string'}}},
    'file_system_snapshot': {
        'properties': {
            'access_policy': {'enum': ['Native', 'UNIX', 'Windows'], 'type': 'string'},
            'access_type': {'enum': ['Snapshot', 'Protocol'], 'type': 'string'}, 'description': {'maxLength': 255, 'minLength': 0, 'type': 'string'},
            'expiration_timestamp': {'type': 'string'},
            'file_events_publishing_mode': {'enum': ['None', 'SMB_Only', 'NFS_Only', 'All'], 'type': 'string'},
            'folder_rename_policy': {'enum': ['All_Allowed', 'SMB_Forbidden', 'All_Forbidden'], 'type': 'string'},
            'is_async_MTime_enabled': {'type': 'boolean'}, 'is_auto_delete_enabled': {'type': 'boolean'}, 'is_secure': {'type': 'boolean'},
            'is_smb_no_notify_enabled': {'type': 'boolean'}, 'is_smb_notify_on_access_enabled': {'type': 'boolean'},
            'is_smb_notify_on_write_enabled': {'type': 'boolean'}, 'is_smb_op_locks_enabled': {'type': 'boolean'},
            'is_smb_sync_writes_enabled': {'type': 'boolean'}, 'locking_policy': {'enum': ['Advisory', 'Mandatory'], 'type': 'string'},
            'name': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'smb_notify_on_change_dir_depth': {'maximum': 512, 'minimum': 1, 'type': 'integer'},
        },
    },
    'file_tree_quota_create': {
        'properties': {
            'description': {'maxLength': 256, 'minLength': 0, 'type': 'string'}, 'file_system_id': {'ref': 'file_system', 'type': 'string'},
            'grace_period': {'maximum': 2147483647, 'minimum': -1, 'type': 'integer'},
            'hard_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'is_user_quotas_enforced': {'type': 'boolean'},
            'path': {'maxLength': 1024, 'minLength': 1, 'type': 'string'},
            'soft_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
        },
        'required': ['file_system_id', 'path'],
    },
    'file_tree_quota_instance': {
        'properties': {
            'description': {'maxLength': 256, 'minLength': 0, 'type': 'string'},
            'file_system': {'def': 'file_system_instance', 'ref': 'file_system', 'type': 'object'}, 'file_system_id': {'type': 'string'},
            'file_user_tree_quotas': {'items': {'def': 'file_user_quota_instance', 'ref': 'file_user_quota', 'type': 'object'}, 'type': 'array'},
            'grace_period': {'maximum': 2147483647, 'minimum': -1, 'type': 'integer'},
            'hard_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'id': {'type': 'string'},
            'is_user_quotas_enforced': {'type': 'boolean'}, 'path': {'maxLength': 1024, 'minLength': 1, 'type': 'string'},
            'remaining_grace_period': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'size_used': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'soft_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'state': {'enum': ['Ok', 'Soft_Exceeded', 'Soft_Exceeded_And_Expired', 'Hard_Reached'], 'type': 'string'},
            'state_l10n': {'type': 'string'},
        },
    },
    'file_tree_quota_modify': {
        'properties': {
            'description': {'maxLength': 256, 'minLength': 0, 'type': 'string'},
            'grace_period': {'maximum': 2147483647, 'minimum': -1, 'type': 'integer'},
            'hard_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'is_user_quotas_enforced': {'type': 'boolean'},
            'soft_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
        },
    },
    'file_user_quota_create': {
        'properties': {
            'file_system_id': {'ref': 'file_system', 'type': 'string'},
            'hard_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'soft_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'tree_quota_id': {'ref': 'file_tree_quota', 'type': 'string'}, 'uid': {'maximum': 4294967294, 'minimum': 1, 'type': 'integer'},
            'unix_name': {'type': 'string'}, 'windows_name': {'type': 'string'}, 'windows_sid': {'type': 'string'},
        },
        'required': ['file_system_id'],
    },
    'file_user_quota_instance': {
        'properties': {
            'file_system': {'def': 'file_system_instance', 'ref': 'file_system', 'type': 'object'}, 'file_system_id': {'type': 'string'},
            'hard_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'id': {'type': 'string'},
            'remaining_grace_period': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'size_used': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'soft_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'state': {'enum': ['Ok', 'Soft_Exceeded', 'Soft_Exceeded_And_Expired', 'Hard_Reached'], 'type': 'string'},
            'state_l10n': {'type': 'string'}, 'tree_quota': {'def': 'file_tree_quota_instance', 'ref': 'file_tree_quota', 'type': 'object'},
            'tree_quota_id': {'type': 'string'}, 'uid': {'maximum': 4294967294, 'minimum': 1, 'type': 'integer'}, 'unix_name': {'type': 'string'},
            'windows_name': {'type': 'string'}, 'windows_sid': {'type': 'string'},
        },
    },
    'file_user_quota_modify': {
        'properties': {
            'hard_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'soft_limit': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
        },
    },
    'file_virus_checker_add_privileged_account': {
        'properties': {'account': {'maxLength': 255, 'minLength': 1, 'type': 'string'}}, 'required': ['account'],
    },
    'file_virus_checker_create': {
        'properties': {
            'files_to_exclude': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 50, 'minItems': 1, 'type': 'array'},
            'files_to_scan': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 50, 'minItems': 1, 'type': 'array'},
            'high_watermark': {'maximum': 2000, 'minimum': 4, 'type': 'integer'}, 'http_port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'ip_addresses': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
            'low_watermark': {'maximum': 500, 'minimum': 1, 'type': 'integer'},
            'max_file_size': {'maximum': 4294967295, 'minimum': 0, 'type': 'integer'},
            'msrpc_user': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'msrpc_user_password': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'nas_server_id': {'ref': 'nas_server', 'type': 'string'},
            'offline_policy': {'enum': ['Allow_Access', 'Stop_SMB_Access', 'Disable_Virus_Checker'], 'type': 'string'},
            'survey_time': {'maximum': 3600, 'minimum': 1, 'type': 'integer'},
        },
        'required': ['nas_server_id'],
    },
    'file_virus_checker_instance': {
        'properties': {
            'files_to_exclude': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 50, 'minItems': 1, 'type': 'array'},
            'files_to_scan': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 50, 'minItems': 1, 'type': 'array'},
            'high_watermark': {'maximum': 2000, 'minimum': 4, 'type': 'integer'}, 'http_port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'id': {'type': 'string'},
            'ip_addresses': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
            'is_config_file_uploaded': {'type': 'boolean'}, 'is_destination_override_enabled': {'type': 'boolean'}, 'is_enabled': {'type': 'boolean'},
            'low_watermark': {'maximum': 500, 'minimum': 1, 'type': 'integer'},
            'max_file_size': {'maximum': 4294967295, 'minimum': 0, 'type': 'integer'},
            'msrpc_user': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'nas_server_id': {'type': 'string'},
            'offline_policy': {'enum': ['Allow_Access', 'Stop_SMB_Access', 'Disable_Virus_Checker'], 'type': 'string'},
            'offline_policy_l10n': {'type': 'string'}, 'reference_time': {'type': 'string'},
            'rpc_request_timeout': {'maximum': 3600000, 'minimum': 1, 'type': 'integer'},
            'rpc_retry_timeout': {'maximum': 3600000, 'minimum': 1, 'type': 'integer'},
            'survey_time': {'maximum': 3600, 'minimum': 1, 'type': 'integer'},
        },
    },
    'file_virus_checker_modify': {
        'properties': {
            'files_to_exclude': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 50, 'minItems': 0, 'type': 'array'},
            'files_to_scan': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 50, 'minItems': 1, 'type': 'array'},
            'high_watermark': {'maximum': 2000, 'minimum': 4, 'type': 'integer'}, 'http_port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'ip_addresses': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'maxItems': 10, 'minItems': 1, 'type': 'array'},
            'is_destination_override_enabled': {'type': 'boolean'}, 'is_enabled': {'type': 'boolean'},
            'low_watermark': {'maximum': 500, 'minimum': 1, 'type': 'integer'},
            'max_file_size': {'maximum': 4294967295, 'minimum': 0, 'type': 'integer'},
            'msrpc_user': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'msrpc_user_password': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'offline_policy': {'enum': ['Allow_Access', 'Stop_SMB_Access', 'Disable_Virus_Checker'], 'type': 'string'},
            'reference_time': {'type': 'string'}, 'rpc_request_timeout': {'maximum': 3600000, 'minimum': 1, 'type': 'integer'},
            'rpc_retry_timeout': {'maximum': 3600000, 'minimum': 1, 'type': 'integer'},
            'survey_time': {'maximum': 3600, 'minimum': 1, 'type': 'integer'},
        },
    },
    'file_virus_checker_remove_privileged_account': {
        'properties': {'account': {'maxLength': 255, 'minLength': 1, 'type': 'string'}}, 'required': ['account'],
    },
    'file_virus_checker_scan_status': {
        'properties': {
            'file_system_ids': {'items': {'ref': 'file_system', 'type': 'string'}, 'maxItems': 50, 'minItems': 1, 'type': 'array'},
            'is_get_all': {'type': 'boolean'},
        },
    },
    'file_virus_checker_start_scan': {
        'properties': {'file_system_ids': {'items': {'ref': 'file_system', 'type': 'string'}, 'maxItems': 50, 'minItems': 1, 'type': 'array'}},
        'required': ['file_system_ids'],
    },
    'file_virus_checker_stop_scan': {
        'properties': {
            'file_system_ids': {'items': {'ref': 'file_system', 'type': 'string'}, 'maxItems': 50, 'minItems': 1, 'type': 'array'},
            'is_stop_all': {'type': 'boolean'},
        },
    },
    'flr_clone': {'properties': {'force_clone': {'type': 'boolean'}}},
    'flr_create': {
        'properties': {
            'default_retention': {'type': 'string'}, 'maximum_retention': {'type': 'string'}, 'minimum_retention': {'type': 'string'},
            'mode': {'enum': ['None', 'Enterprise', 'Compliance'], 'type': 'string'},
        },
    },
    'flr_instance': {
        'properties': {
            'auto_delete': {'type': 'boolean'}, 'auto_lock': {'type': 'boolean'}, 'clock_time': {'type': 'string'},
            'default_retention': {'type': 'string'}, 'has_protected_files': {'type': 'boolean'}, 'maximum_retention': {'type': 'string'},
            'maximum_retention_date': {'type': 'string'}, 'minimum_retention': {'type': 'string'},
            'mode': {'enum': ['None', 'Enterprise', 'Compliance'], 'type': 'string'}, 'mode_l10n': {'type': 'string'},
            'policy_interval': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
        },
    },
    'flr_modify': {
        'properties': {
            'auto_delete': {'type': 'boolean'}, 'auto_lock': {'type': 'boolean'}, 'default_retention': {'type': 'string'},
            'maximum_retention': {'type': 'string'}, 'minimum_retention': {'type': 'string'},
            'policy_interval': {'maximum': 31536000, 'minimum': 60, 'type': 'integer'},
        },
    },
    'fsn_create': {
        'properties': {
            'description': {'type': 'string'},
            'port_ids': {'items': {'ref': '#resource', 'type': 'string'}, 'maxItems': 2, 'minItems': 2, 'type': 'array'},
            'primary_port_id': {'ref': '#resource', 'type': 'string'},
        },
        'required': ['port_ids', 'primary_port_id'],
    },
    'fsn_instance': {
        'properties': {
            'active_port_id': {'type': 'string'}, 'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'},
            'appliance_id': {'type': 'string'}, 'bonds': {'items': {'def': 'bond_instance', 'ref': 'bond', 'type': 'object'}, 'type': 'array'},
            'description': {'maxLength': 128, 'type': 'string'},
            'eth_ports': {'items': {'def': 'eth_port_instance', 'ref': 'eth_port', 'type': 'object'}, 'type': 'array'}, 'id': {'type': 'string'},
            'ip_ports': {'items': {'def': 'ip_port_instance', 'ref': 'ip_port', 'type': 'object'}, 'type': 'array'},
            'is_link_up': {'type': 'boolean'}, 'mtu': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'name': {'maxLength': 64, 'type': 'string'}, 'partner': {'def': 'fsn_instance', 'ref': 'fsn', 'type': 'object'},
            'partner_id': {'type': 'string'}, 'primary_port_id': {'type': 'string'},
            'status': {'enum': ['Healthy', 'Degraded', 'Failed'], 'type': 'string'}, 'status_l10n': {'type': 'string'},
        },
    },
    'fsn_modify': {'properties': {'description': {'type': 'string'}}},
    'hardware_drive_repurpose': {'properties': {'psid': {'type': 'string'}}, 'required': ['psid']},
    'hardware_extra_details_instance': {
        'properties': {
            'bus_number': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'connector_type': {
                'enum': [
                    'Unknown', 'SC', 'FC_Style1_Copper', 'FC_Style2_Copper', 'BNC_TNC', 'FC_Coaxial_Headers', 'FiberJack', 'LC', 'MT_RJ', 'MU', 'SG',
                    'Optical_Pigtail', 'HSSDC_II', 'Copper_Pigtail', 'RJ45', 'No_Separable', 'MXC_2x16', 'MPO_1x12', 'MPO_2x16',
                ],
                'type': 'string',
            },
            'connector_type_l10n': {'type': 'string'}, 'cpu_cores': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'cpu_model': {'type': 'string'}, 'cpu_sockets': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'dell_service_tag': {'type': 'string'},
            'drive_type': {'enum': ['Unknown', 'SAS_SSD', 'NVMe_SCM', 'NVMe_NVRAM', 'NVMe_SSD', 'NVMe_Virtual', 'NVMe_SSD_QLC'], 'type': 'string'},
            'drive_type_l10n': {'type': 'string'},
            'enclosure_model_description': {'enum': ['ENS24_2_5_NVMe_Drive_Enc', '2_5_SAS_Drive_Enc'], 'type': 'string'},
            'enclosure_model_description_l10n': {'type': 'string'}, 'enclosure_number': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'encryption_status': {
                'enum': [
                    'Not_Supported', 'Supported_Unlocked', 'Supported_Locked', 'Supported_Locked_Cluster_PIN', 'Supported_Locked_Out',
                    'Supported_Locked_Foreign', 'Supported_Processing', 'Disabled',
                ],
                'type': 'string',
            },
            'encryption_status_l10n': {'type': 'string'}, 'express_service_code': {'type': 'string'},
            'fips_status': {
                'enum': ['FIPS_Compliance_None', 'FIPS_Compliance_Level_1', 'FIPS_Compliance_Level_2', 'FIPS_Compliance_Invalid'], 'type': 'string',
            },
            'fips_status_l10n': {'type': 'string'}, 'firmware_version': {'type': 'string'},
            'mode': {'enum': ['Unknown', 'Multi_Mode', 'Single_Mode'], 'type': 'string'}, 'mode_l10n': {'type': 'string'},
            'model_name': {'type': 'string'}, 'physical_memory_size_gb': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'rpm_reading': {'type': 'string'}, 'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'storage_class': {'enum': ['QLC_Based_Flash', 'TLC_Based_Flash'], 'type': 'string'}, 'storage_class_l10n': {'type': 'string'},
            'supported_protocol': {'enum': ['Unknown', 'FC', 'Ethernet', 'FC_Ethernet', 'SAS'], 'type': 'string'},
            'supported_protocol_l10n': {'type': 'string'},
            'supported_speeds': {
                'items': {
                    'enum': [
                        'Auto', '4_Gbps', '8_Gbps', '16_Gbps', '32_Gbps', '10_Mbps', '100_Mbps', '1_Gbps', '10_Gbps', '25_Gbps', '40_Gbps',
                        '100_Gbps', '3_Gbps', '6_Gbps', '12_Gbps',
                    ],
                    'type': 'string',
                },
                'type': 'array',
            },
            'supported_speeds_l10n': {'items': {'type': 'string'}, 'type': 'array'},
        },
    },
    'hardware_instance': {
        'properties': {
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'appliance_id': {'type': 'string'},
            'children': {'items': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'type': 'array'},
            'extra_details': {'def': 'hardware_extra_details_instance', 'type': 'object'},
            'hardware_parent_eth_be_ports': {'items': {'def': 'eth_be_port_instance', 'ref': 'eth_be_port', 'type': 'object'}, 'type': 'array'},
            'hardware_parent_eth_ports': {'items': {'def': 'eth_port_instance', 'ref': 'eth_port', 'type': 'object'}, 'type': 'array'},
            'hardware_parent_fc_ports': {'items': {'def': 'fc_port_instance', 'ref': 'fc_port', 'type': 'object'}, 'type': 'array'},
            'hardware_parent_sas_ports': {'items': {'def': 'sas_port_instance', 'ref': 'sas_port', 'type': 'object'}, 'type': 'array'},
            'id': {'type': 'string'},
            'io_module_eth_ports': {'items': {'def': 'eth_port_instance', 'ref': 'eth_port', 'type': 'object'}, 'type': 'array'},
            'io_module_fc_ports': {'items': {'def': 'fc_port_instance', 'ref': 'fc_port', 'type': 'object'}, 'type': 'array'},
            'io_module_sas_ports': {'items': {'def': 'sas_port_instance', 'ref': 'sas_port', 'type': 'object'}, 'type': 'array'},
            'is_marked': {'type': 'boolean'},
            'lifecycle_state': {
                'enum': [
                    'Uninitialized', 'Healthy', 'Initializing', 'Failed', 'Disconnected', 'Prepare_Failed', 'Trigger_Update', 'Empty', 'Replaced',
                    'Prepare_Reset',
                ],
                'type': 'string',
            },
            'lifecycle_state_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'node_eth_be_ports': {'items': {'def': 'eth_be_port_instance', 'ref': 'eth_be_port', 'type': 'object'}, 'type': 'array'},
            'node_eth_ports': {'items': {'def': 'eth_port_instance', 'ref': 'eth_port', 'type': 'object'}, 'type': 'array'},
            'node_fc_ports': {'items': {'def': 'fc_port_instance', 'ref': 'fc_port', 'type': 'object'}, 'type': 'array'},
            'node_sas_ports': {'items': {'def': 'sas_port_instance', 'ref': 'sas_port', 'type': 'object'}, 'type': 'array'},
            'parent': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'parent_id': {'type': 'string'},
            'part_number': {'type': 'string'}, 'serial_number': {'type': 'string'},
            'sfp_eth_be_ports': {'items': {'def': 'eth_be_port_instance', 'ref': 'eth_be_port', 'type': 'object'}, 'type': 'array'},
            'sfp_eth_ports': {'items': {'def': 'eth_port_instance', 'ref': 'eth_port', 'type': 'object'}, 'type': 'array'},
            'sfp_fc_ports': {'items': {'def': 'fc_port_instance', 'ref': 'fc_port', 'type': 'object'}, 'type': 'array'},
            'sfp_sas_ports': {'items': {'def': 'sas_port_instance', 'ref': 'sas_port', 'type': 'object'}, 'type': 'array'},
            'slot': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'stale_state': {'enum': ['Not_Stale', 'Disconnected'], 'type': 'string'}, 'stale_state_l10n': {'type': 'string'},
            'status_led_state': {'enum': ['Off', 'On'], 'type': 'string'}, 'status_led_state_l10n': {'type': 'string'},
            'type': {
                'enum': [
                    'Appliance', 'Node', 'Base_Enclosure', 'Expansion_Enclosure', 'Power_Supply', 'IO_Module', 'Link_Control_Card', 'SFP', 'Battery',
                    'DIMM', 'M2_Drive', 'CDB', 'Access_Module', 'Fan', 'Drive',
                ],
                'type': 'string',
            },
            'type_l10n': {'type': 'string'}, 'valid_upgrades': {'items': {'def': 'valid_upgrade_instance', 'type': 'object'}, 'type': 'array'},
        },
    },
    'hardware_modify': {'properties': {'is_marked': {'type': 'boolean'}}, 'required': ['is_marked']},
    'hardware_upgrade': {
        'properties': {
            'model_name': {'enum': ['1200T', '3200T', '5200T', '9200T'], 'type': 'string'}, 'service_password': {'type': 'string'},
            'upgrade_type': {'enum': ['Online', 'Offline'], 'type': 'string'},
        },
        'required': ['model_name', 'upgrade_type'],
    },
    'hardware_validate_upgrade': {
        'properties': {
            'model_name': {'enum': ['1200T', '3200T', '5200T', '9200T'], 'type': 'string'},
            'upgrade_type': {'enum': ['Online', 'Offline'], 'type': 'string'},
        },
        'required': ['model_name', 'upgrade_type'],
    },
    'host_attach': {
        'properties': {'logical_unit_number': {'maximum': 16383, 'minimum': 0, 'type': 'integer'}, 'volume_id': {'ref': 'volume', 'type': 'string'}},
        'required': ['volume_id'],
    },
    'host_create': {
        'properties': {
            'description': {'maxLength': 256, 'type': 'string'},
            'host_connectivity': {'enum': ['Local_Only', 'Metro_Optimize_Both', 'Metro_Optimize_Local', 'Metro_Optimize_Remote'], 'type': 'string'},
            'initiators': {'items': {'def': 'initiator_create_modify', 'type': 'object'}, 'type': 'array'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'os_type': {'enum': ['Windows', 'Linux', 'ESXi', 'AIX', 'HP-UX', 'Solaris'], 'type': 'string'},
        },
        'required': ['name', 'os_type', 'initiators'],
    },
    'host_delete': {'properties': {}}, 'host_detach': {'properties': {'volume_id': {'ref': 'volume', 'type': 'string'}}, 'required': ['volume_id']},
    'host_group_attach': {
        'properties': {'logical_unit_number': {'maximum': 16383, 'minimum': 0, 'type': 'integer'}, 'volume_id': {'ref': 'volume', 'type': 'string'}},
        'required': ['volume_id'],
    },
    'host_group_create': {
        'properties': {
            'description': {'maxLength': 256, 'type': 'string'}, 'host_ids': {'items': {'ref': 'host', 'type': 'string'}, 'type': 'array'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
        },
        'required': ['name', 'host_ids'],
    },
    'host_group_detach': {'properties': {'volume_id': {'ref': 'volume', 'type': 'string'}}, 'required': ['volume_id']},
    'host_group_instance': {
        'properties': {
            'description': {'type': 'string'},
            'host_connectivity': {'enum': ['Local_Only', 'Metro_Optimize_Both', 'Metro_Optimize_Local', 'Metro_Optimize_Remote'], 'type': 'string'},
            'host_connectivity_l10n': {'type': 'string'},
            'host_virtual_volume_mappings': {
                'items': {'def': 'host_virtual_volume_mapping_instance', 'ref': 'host_virtual_volume_mapping', 'type': 'object'}, 'type': 'array',
            },
            'hosts': {'items': {'def': 'host_instance', 'ref': 'host', 'type': 'object'}, 'type': 'array'}, 'id': {'type': 'string'},
            'mapped_host_groups': {'items': {'def': 'host_volume_mapping_instance', 'ref': 'host_volume_mapping', 'type': 'object'}, 'type': 'array'},
            'name': {'type': 'string'},
        },
    },
    'host_group_modify': {
        'properties': {
            'add_host_ids': {'items': {'ref': 'host', 'type': 'string'}, 'type': 'array'}, 'description': {'maxLength': 256, 'type': 'string'},
            'host_connectivity': {'enum': ['Local_Only', 'Metro_Optimize_Both', 'Metro_Optimize_Local', 'Metro_Optimize_Remote'], 'type': 'string'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'remove_host_ids': {'items': {'ref': 'host', 'type': 'string'}, 'type': 'array'},
        },
    },
    'host_initiator_instance': {
        'properties': {
            'active_sessions': {'items': {'def': 'active_session_instance', 'type': 'object'}, 'type': 'array'},
            'chap_mutual_username': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
            'chap_single_username': {'maxLength': 64, 'minLength': 1, 'type': 'string'}, 'port_name': {'type': 'string'},
            'port_type': {'enum': ['iSCSI', 'FC', 'NVMe', 'NVMe_vVol'], 'type': 'string'}, 'port_type_l10n': {'type': 'string'},
        },
    },
    'host_instance': {
        'properties': {
            'description': {'type': 'string'},
            'host_connectivity': {'enum': ['Local_Only', 'Metro_Optimize_Both', 'Metro_Optimize_Local', 'Metro_Optimize_Remote'], 'type': 'string'},
            'host_connectivity_l10n': {'type': 'string'}, 'host_group': {'def': 'host_group_instance', 'ref': 'host_group', 'type': 'object'},
            'host_group_id': {'type': 'string'}, 'host_initiators': {'items': {'def': 'host_initiator_instance', 'type': 'object'}, 'type': 'array'},
            'host_virtual_volume_mappings': {
                'items': {'def': 'host_virtual_volume_mapping_instance', 'ref': 'host_virtual_volume_mapping', 'type': 'object'}, 'type': 'array',
            },
            'id': {'type': 'string'}, 'import_host_system': {'def': 'import_host_system_instance', 'ref': 'import_host_system', 'type': 'object'},
            'import_host_system_id': {'type': 'string'},
            'initiators': {'items': {'def': 'initiator_instance', 'ref': 'initiator', 'type': 'object'}, 'type': 'array'},
            'mapped_hosts': {'items': {'def': 'host_volume_mapping_instance', 'ref': 'host_volume_mapping', 'type': 'object'}, 'type': 'array'},
            'name': {'type': 'string'}, 'os_type': {'enum': ['Windows', 'Linux', 'ESXi', 'AIX', 'HP-UX', 'Solaris'], 'type': 'string'},
            'os_type_l10n': {'type': 'string'}, 'type': {'enum': ['External', 'Internal'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
            'vsphere_hosts': {'items': {'def': 'vsphere_host_instance', 'ref': 'vsphere_host', 'type': 'object'}, 'type': 'array'},
        },
    },
    'host_modify': {
        'properties': {
            'add_initiators': {'items': {'def': 'initiator_create_modify', 'type': 'object'}, 'type': 'array'},
            'description': {'maxLength': 256, 'type': 'string'},
            'host_connectivity': {'enum': ['Local_Only', 'Metro_Optimize_Both', 'Metro_Optimize_Local', 'Metro_Optimize_Remote'], 'type': 'string'},
            'modify_initiators': {'items': {'def': 'update_initiator_in_host', 'type': 'object'}, 'type': 'array'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'remove_initiators': {'items': {'type': 'string'}, 'type': 'array'},
        },
    },
    'host_virtual_volume_mapping_instance': {
        'properties': {
            'host': {'def': 'host_instance', 'ref': 'host', 'type': 'object'},
            'host_group': {'def': 'host_group_instance', 'ref': 'host_group', 'type': 'object'}, 'host_group_id': {'type': 'string'},
            'host_id': {'type': 'string'}, 'id': {'type': 'string'},
            'virtual_volume': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'virtual_volume_id': {'type': 'string'},
        },
    },
    'host_volume_mapping_instance': {
        'properties': {
            'host': {'def': 'host_instance', 'ref': 'host', 'type': 'object'},
            'host_group': {'def': 'host_group_instance', 'ref': 'host_group', 'type': 'object'}, 'host_group_id': {'type': 'string'},
            'host_id': {'type': 'string'}, 'id': {'type': 'string'}, 'logical_unit_number': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'volume': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'}, 'volume_id': {'type': 'string'},
        },
    },
    'import_host_initiator_instance': {
        'properties': {
            'id': {'type': 'string'}, 'import_host_system_id': {'type': 'string'}, 'iqn_or_wwn': {'type': 'string'},
            'protocol': {'enum': ['Other', 'iSCSI', 'FC', 'FCoE', 'Unknown'], 'type': 'string'}, 'protocol_l10n': {'type': 'string'},
        },
    },
    'import_host_system_create': {
        'properties': {
            'agent_address': {'type': 'string'}, 'agent_port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'chap_mutual_password': {'type': 'string'}, 'chap_mutual_username': {'type': 'string'}, 'chap_single_password': {'type': 'string'},
            'chap_single_username': {'type': 'string'}, 'os_type': {'enum': ['Windows', 'Linux', 'ESXi', 'Unknown'], 'type': 'string'},
            'password': {'type': 'string'}, 'user_name': {'type': 'string'},
        },
        'required': ['agent_address', 'user_name', 'password', 'os_type', 'agent_port'],
    },
    'import_host_system_instance': {
        'properties': {
            'agent_address': {'type': 'string'}, 'agent_api_version': {'type': 'string'},
            'agent_port': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'agent_status': {'enum': ['Unknown', 'Running', 'Conflict_Detected', 'Version_Unsupported'], 'type': 'string'},
            'agent_status_l10n': {'type': 'string'}, 'agent_type': {'enum': ['EQL', 'Native_MPIO', 'Power_Path', 'Unknown'], 'type': 'string'},
            'agent_type_l10n': {'type': 'string'}, 'agent_version': {'type': 'string'},
            'hosts': {'items': {'def': 'host_instance', 'ref': 'host', 'type': 'object'}, 'type': 'array'}, 'id': {'type': 'string'},
            'last_update_time': {'type': 'string'}, 'os_type': {'enum': ['Windows', 'Linux', 'ESXi', 'Unknown'], 'type': 'string'},
            'os_type_l10n': {'type': 'string'}, 'os_version': {'type': 'string'}, 'user_name': {'type': 'string'},
        },
    },
    'import_host_volume_instance': {
        'properties': {
            'active_path': {'enum': ['None', 'Source', 'Destination'], 'type': 'string'}, 'active_path_l10n': {'type': 'string'},
            'array_identifier': {'type': 'string'}, 'array_type': {'enum': ['Unknown', 'SC', 'PS', 'VNX', 'Unity'], 'type': 'string'},
            'array_type_l10n': {'type': 'string'}, 'host_system_id': {'type': 'string'}, 'id': {'type': 'string'},
            'import_state': {
                'enum': ['Import_Completed', 'Cancel_Completed', 'Import_Aborted', 'Cancel_Aborted', 'Cancel_Forced', 'None'], 'type': 'string',
            },
            'import_state_l10n': {'type': 'string'}, 'is_migrating': {'type': 'boolean'}, 'last_update_time': {'type': 'string'},
            'mount_paths': {'items': {'type': 'string'}, 'type': 'array'}, 'naa_id': {'type': 'string'}, 'name': {'type': 'string'},
            'protocols': {'items': {'enum': ['Other', 'iSCSI', 'FC', 'FCoE', 'Unknown'], 'type': 'string'}, 'type': 'array'},
            'protocols_l10n': {'items': {'type': 'string'}, 'type': 'array'},
            'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'status': {'enum': ['Unknown', 'Online', 'Offline'], 'type': 'string'}, 'status_l10n': {'type': 'string'},
        },
    },
    'import_netapp_instance': {
        'properties': {
            'api_version': {'type': 'string'}, 'id': {'type': 'string'},
            'import_netapp_volumes': {
                'items': {'def': 'import_netapp_volume_instance', 'ref': 'import_netapp_volume', 'type': 'object'}, 'type': 'array',
            },
            'last_updated_timestamp': {'type': 'string'}, 'management_address': {'type': 'string'}, 'name': {'type': 'string'},
            'serial_number': {'type': 'string'}, 'state': {'enum': ['Starting', 'Running', 'Stopping', 'Stopped', 'Deleting'], 'type': 'string'},
            'state_l10n': {'type': 'string'},
            'supported_import_type': {'enum': ['Agentless', 'Non_Disruptive_And_Agentless', 'Not_Supported'], 'type': 'string'},
            'supported_import_type_l10n': {'type': 'string'}, 'user_name': {'type': 'string'},
        },
    },
    'import_netapp_volume_instance': {
        'properties': {
            'container_state': {'enum': ['Online', 'Aggregate_Offline', 'Volume_Offline'], 'type': 'string'},
            'container_state_l10n': {'type': 'string'}, 'id': {'type': 'string'},
            'import_netapp': {'def': 'import_netapp_instance', 'ref': 'import_netapp', 'type': 'object'}, 'import_netapp_id': {'type': 'string'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Host_Not_Added', 'Imported', 'Incompatible_Firmware',
                    'Incompatible_Host_Agent', 'Undetermined', 'Host_Volume_Offline', 'Cluster_Node_Count_MisMatch', 'Undetermined_Cluster_Type',
                    'Source_Volume_Offline', 'Replication_Destination', 'SC_Live_Volume', 'SC_Degraded', 'SC_Not_Active', 'Used_By_NAS',
                    'SC_Portable_Volume', 'VNX_Faulted', 'VNX_Not_Ready', 'VNX_Internal_Volume', 'Unity_System_Health_Inappropriate',
                    'Unity_Volume_Health_Inappropriate', 'XtremIO_Severity_Inappropriate', 'XtremIO_State_Inappropriate',
                    'XtremIO_Volume_Severity_Inappropriate', 'XtremIO_Volume_State_Inappropriate', 'NetApp_System_State_Inappropriate',
                    'NetApp_Volume_State_Inappropriate', 'Volume_Size_Not_Multiple_of_8192', 'Unsupported_Protocol',
                    'Vmax_Volume_State_Inappropriate',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'is_read_only': {'type': 'boolean'}, 'is_replication_destination': {'type': 'boolean'},
            'name': {'type': 'string'}, 'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'state': {'enum': ['Online', 'Offline', 'Foreign_Lun_Error', 'Nvfail', 'Space_Error'], 'type': 'string'},
            'state_l10n': {'type': 'string'}, 'wwn': {'type': 'string'},
        },
    },
    'import_psgroup_instance': {
        'properties': {
            'description': {'type': 'string'}, 'group_address': {'type': 'string'}, 'id': {'type': 'string'},
            'import_psgroup_volumes': {
                'items': {'def': 'import_psgroup_volume_instance', 'ref': 'import_psgroup_volume', 'type': 'object'}, 'type': 'array',
            },
            'last_update_time': {'type': 'string'}, 'management_address': {'type': 'string'}, 'name': {'type': 'string'},
            'serial_number': {'type': 'string'},
            'supported_import_type': {'enum': ['Agentless', 'Non_Disruptive_And_Agentless', 'Not_Supported'], 'type': 'string'},
            'supported_import_type_l10n': {'type': 'string'}, 'user_name': {'type': 'string'},
        },
    },
    'import_psgroup_volume_instance': {
        'properties': {
            'block_size': {'enum': ['512_Bytes', '4K_Bytes', 'Unknown'], 'type': 'string'}, 'block_size_l10n': {'type': 'string'},
            'host_volume_ids': {'items': {'type': 'string'}, 'type': 'array'}, 'id': {'type': 'string'},
            'import_psgroup': {'def': 'import_psgroup_instance', 'ref': 'import_psgroup', 'type': 'object'}, 'import_psgroup_id': {'type': 'string'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Host_Not_Added', 'Imported', 'Incompatible_Firmware',
                    'Incompatible_Host_Agent', 'Undetermined', 'Host_Volume_Offline', 'Cluster_Node_Count_MisMatch', 'Undetermined_Cluster_Type',
                    'Source_Volume_Offline', 'Replication_Destination', 'SC_Live_Volume', 'SC_Degraded', 'SC_Not_Active', 'Used_By_NAS',
                    'SC_Portable_Volume', 'VNX_Faulted', 'VNX_Not_Ready', 'VNX_Internal_Volume', 'Unity_System_Health_Inappropriate',
                    'Unity_Volume_Health_Inappropriate', 'XtremIO_Severity_Inappropriate', 'XtremIO_State_Inappropriate',
                    'XtremIO_Volume_Severity_Inappropriate', 'XtremIO_Volume_State_Inappropriate', 'NetApp_System_State_Inappropriate',
                    'NetApp_Volume_State_Inappropriate', 'Volume_Size_Not_Multiple_of_8192', 'Unsupported_Protocol',
                    'Vmax_Volume_State_Inappropriate',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'is_online': {'type': 'boolean'}, 'is_read_only': {'type': 'boolean'},
            'migration_state': {
                'enum': ['None', 'Normal', 'Prepared', 'Disabled_For_IO', 'In_Progress', 'Aborted', 'Completed', 'Unknown'], 'type': 'string',
            },
            'migration_state_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'wwn': {'type': 'string'},
        },
    },
    'import_session_cancel': {'properties': {'force': {'type': 'boolean'}}},
    'import_session_create': {
        'properties': {
            'automatic_cutover': {'type': 'boolean'},
            'consistency_group_member_host_group_ids': {
                'items': {'def': 'consistency_group_member_host_group_mapping', 'ref': 'host_group', 'type': 'object'}, 'type': 'array',
            },
            'consistency_group_member_host_ids': {
                'items': {'def': 'consistency_group_member_host_mapping', 'ref': 'host', 'type': 'object'}, 'type': 'array',
            },
            'description': {'maxLength': 128, 'type': 'string'}, 'global_storage_discovery_address': {'type': 'string'},
            'host_group_ids': {'items': {'ref': 'host_group', 'type': 'string'}, 'type': 'array'},
            'host_ids': {'items': {'ref': 'host', 'type': 'string'}, 'type': 'array'}, 'name': {'maxLength': 128, 'type': 'string'},
            'protection_policy_id': {'ref': 'policy', 'type': 'string'}, 'remote_system_id': {'ref': 'remote_system', 'type': 'string'},
            'scheduled_timestamp': {'type': 'string'}, 'source_resource_id': {'ref': '#resource', 'type': 'string'},
            'type': {'enum': ['Non_Disruptive', 'Agentless'], 'type': 'string'}, 'volume_group_id': {'ref': 'volume_group', 'type': 'string'},
        },
        'required': ['remote_system_id', 'source_resource_id', 'name'],
    },
    'import_session_enable_destination_volume': {'properties': {}},
    'import_session_instance': {
        'properties': {
            'automatic_cutover': {'type': 'boolean'}, 'average_transfer_rate': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'current_transfer_rate': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'description': {'type': 'string'},
            'destination_resource_id': {'type': 'string'}, 'destination_resource_type': {'enum': ['volume', 'volume_group'], 'type': 'string'},
            'destination_resource_type_l10n': {'type': 'string'}, 'error': {'def': 'error_instance', 'type': 'object'},
            'estimated_completion_timestamp': {'type': 'string'}, 'global_storage_discovery_address': {'type': 'string'}, 'id': {'type': 'string'},
            'last_update_timestamp': {'type': 'string'}, 'name': {'type': 'string'}, 'parent_session_id': {'type': 'string'},
            'progress_percentage': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'protection_policy_id': {'type': 'string'},
            'remote_system': {'def': 'remote_system_instance', 'ref': 'remote_system', 'type': 'object'}, 'remote_system_id': {'type': 'string'},
            'scheduled_timestamp': {'type': 'string'}, 'source_resource_id': {'type': 'string'},
            'state': {
                'enum': [
                    'Scheduled', 'Paused', 'Queued', 'In_Progress', 'Mirror_Enabled', 'Ready_To_Start_Copy', 'Copy_In_Progress', 'Ready_For_Cutover',
                    'Cutover_In_Progress', 'Import_Completed', 'Cancelled', 'Failed', 'Cancel_Failed', 'Cancel_In_Progress', 'Cleanup_In_Progress',
                    'Cleanup_Failed', 'Invalid', 'Cleanup_Required', 'Import_Completed_With_Errors', 'Import_Cutover_Incomplete', 'Cancel_Required',
                ],
                'type': 'string',
            },
            'state_l10n': {'type': 'string'}, 'type': {'enum': ['Non_Disruptive', 'Agentless'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
            'volume_group_id': {'type': 'string'},
        },
    },
    'import_session_modify': {'properties': {'scheduled_timestamp': {'type': 'string'}}},
    'import_storage_center_consistency_group_instance': {
        'properties': {
            'id': {'type': 'string'},
            'import_storage_center': {'def': 'import_storage_center_instance', 'ref': 'import_storage_center', 'type': 'object'},
            'import_storage_center_id': {'type': 'string'},
            'import_storage_center_volumes': {
                'items': {'def': 'import_storage_center_volume_instance', 'ref': 'import_storage_center_volume', 'type': 'object'}, 'type': 'array',
            },
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Members_Not_Ready', 'No_Members', 'Max_Members', 'Not_In_Sync', 'Imported',
                    'Incompatible_Firmware', 'Undetermined',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'name': {'type': 'string'},
        },
    },
    'import_storage_center_instance': {
        'properties': {
            'api_version': {'type': 'string'}, 'id': {'type': 'string'},
            'import_storage_center_consistency_groups': {
                'items': {
                    'def': 'import_storage_center_consistency_group_instance', 'ref': 'import_storage_center_consistency_group', 'type': 'object',
                },
                'type': 'array',
            },
            'import_storage_center_volumes': {
                'items': {'def': 'import_storage_center_volume_instance', 'ref': 'import_storage_center_volume', 'type': 'object'}, 'type': 'array',
            },
            'last_update_time': {'type': 'string'}, 'management_address': {'type': 'string'}, 'model': {'type': 'string'}, 'name': {'type': 'string'},
            'serial_number': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'status': {'enum': ['Up', 'Down', 'Degraded', 'Unknown'], 'type': 'string'}, 'status_l10n': {'type': 'string'},
            'supported_import_type': {'enum': ['Agentless', 'Non_Disruptive_And_Agentless', 'Not_Supported'], 'type': 'string'},
            'supported_import_type_l10n': {'type': 'string'}, 'user_name': {'type': 'string'},
        },
    },
    'import_storage_center_volume_instance': {
        'properties': {
            'health': {'enum': ['Up', 'Down', 'Degraded', 'Unknown'], 'type': 'string'}, 'health_l10n': {'type': 'string'},
            'host_volume_ids': {'items': {'type': 'string'}, 'type': 'array'}, 'id': {'type': 'string'},
            'import_storage_center': {'def': 'import_storage_center_instance', 'ref': 'import_storage_center', 'type': 'object'},
            'import_storage_center_consistency_group': {
                'def': 'import_storage_center_consistency_group_instance', 'ref': 'import_storage_center_consistency_group', 'type': 'object',
            },
            'import_storage_center_consistency_group_id': {'type': 'string'},
            'import_storage_center_consistency_group_names': {'items': {'type': 'string'}, 'type': 'array'},
            'import_storage_center_id': {'type': 'string'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Host_Not_Added', 'Imported', 'Incompatible_Firmware',
                    'Incompatible_Host_Agent', 'Undetermined', 'Host_Volume_Offline', 'Cluster_Node_Count_MisMatch', 'Undetermined_Cluster_Type',
                    'Source_Volume_Offline', 'Replication_Destination', 'SC_Live_Volume', 'SC_Degraded', 'SC_Not_Active', 'Used_By_NAS',
                    'SC_Portable_Volume', 'VNX_Faulted', 'VNX_Not_Ready', 'VNX_Internal_Volume', 'Unity_System_Health_Inappropriate',
                    'Unity_Volume_Health_Inappropriate', 'XtremIO_Severity_Inappropriate', 'XtremIO_State_Inappropriate',
                    'XtremIO_Volume_Severity_Inappropriate', 'XtremIO_Volume_State_Inappropriate', 'NetApp_System_State_Inappropriate',
                    'NetApp_Volume_State_Inappropriate', 'Volume_Size_Not_Multiple_of_8192', 'Unsupported_Protocol',
                    'Vmax_Volume_State_Inappropriate',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'is_active': {'type': 'boolean'}, 'is_read_only': {'type': 'boolean'},
            'migration_state': {
                'enum': ['Legacy', 'Preparing', 'Disabled_For_IO', 'In_Progress', 'Done', 'Aborted', 'Not_Applicable', 'Unknown'], 'type': 'string',
            },
            'migration_state_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'wwn': {'type': 'string'},
        },
    },
    'import_unity_consistency_group_instance': {
        'properties': {
            'id': {'type': 'string'}, 'import_unity': {'def': 'import_unity_instance', 'ref': 'import_unity', 'type': 'object'},
            'import_unity_id': {'type': 'string'},
            'import_unity_volumes': {
                'items': {'def': 'import_unity_volume_instance', 'ref': 'import_unity_volume', 'type': 'object'}, 'type': 'array',
            },
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Members_Not_Ready', 'No_Members', 'Max_Members', 'Not_In_Sync', 'Imported',
                    'Incompatible_Firmware', 'Undetermined',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'name': {'type': 'string'},
        },
    },
    'import_unity_instance': {
        'properties': {
            'api_version': {'type': 'string'},
            'health': {'enum': ['Unknown', 'Ok', 'Ok_But', 'Degraded', 'Minor', 'Major', 'Critical', 'Non_Recoverable'], 'type': 'string'},
            'health_l10n': {'type': 'string'}, 'id': {'type': 'string'},
            'import_unity_consistency_groups': {
                'items': {'def': 'import_unity_consistency_group_instance', 'ref': 'import_unity_consistency_group', 'type': 'object'},
                'type': 'array',
            },
            'import_unity_volumes': {
                'items': {'def': 'import_unity_volume_instance', 'ref': 'import_unity_volume', 'type': 'object'}, 'type': 'array',
            },
            'last_updated_timestamp': {'type': 'string'}, 'management_address': {'type': 'string'}, 'model': {'type': 'string'},
            'name': {'type': 'string'}, 'serial_number': {'type': 'string'}, 'software_version': {'type': 'string'},
            'supported_import_type': {'enum': ['Agentless', 'Non_Disruptive_And_Agentless', 'Not_Supported'], 'type': 'string'},
            'supported_import_type_l10n': {'type': 'string'}, 'user_name': {'type': 'string'},
        },
    },
    'import_unity_volume_instance': {
        'properties': {
            'health': {'enum': ['Unknown', 'Ok', 'Ok_But', 'Degraded', 'Minor', 'Major', 'Critical', 'Non_Recoverable'], 'type': 'string'},
            'health_l10n': {'type': 'string'}, 'host_volume_ids': {'items': {'type': 'string'}, 'type': 'array'}, 'id': {'type': 'string'},
            'import_unity': {'def': 'import_unity_instance', 'ref': 'import_unity', 'type': 'object'},
            'import_unity_consistency_group': {
                'def': 'import_unity_consistency_group_instance', 'ref': 'import_unity_consistency_group', 'type': 'object',
            },
            'import_unity_consistency_group_id': {'type': 'string'}, 'import_unity_id': {'type': 'string'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Host_Not_Added', 'Imported', 'Incompatible_Firmware',
                    'Incompatible_Host_Agent', 'Undetermined', 'Host_Volume_Offline', 'Cluster_Node_Count_MisMatch', 'Undetermined_Cluster_Type',
                    'Source_Volume_Offline', 'Replication_Destination', 'SC_Live_Volume', 'SC_Degraded', 'SC_Not_Active', 'Used_By_NAS',
                    'SC_Portable_Volume', 'VNX_Faulted', 'VNX_Not_Ready', 'VNX_Internal_Volume', 'Unity_System_Health_Inappropriate',
                    'Unity_Volume_Health_Inappropriate', 'XtremIO_Severity_Inappropriate', 'XtremIO_State_Inappropriate',
                    'XtremIO_Volume_Severity_Inappropriate', 'XtremIO_Volume_State_Inappropriate', 'NetApp_System_State_Inappropriate',
                    'NetApp_Volume_State_Inappropriate', 'Volume_Size_Not_Multiple_of_8192', 'Unsupported_Protocol',
                    'Vmax_Volume_State_Inappropriate',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'is_replication_destination': {'type': 'boolean'}, 'is_thin_clone': {'type': 'boolean'},
            'migration_state': {
                'enum': [
                    'Normal', 'Prepare_For_Migration', 'Source_Disabled_For_IO', 'Source_Migration_Aborted', 'Source_Migration_Completed',
                    'Source_Migration_In_Progress', 'Unknown',
                ],
                'type': 'string',
            },
            'migration_state_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'type': {'enum': ['Unknown', 'Generic_Storage', 'Standalone', 'Vmware_iSCSI'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
            'wwn': {'type': 'string'},
        },
    },
    'import_universal_consistency_group_add_members': {
        'properties': {
            'import_universal_volume_ids': {
                'items': {'ref': 'import_universal_volume', 'type': 'string'}, 'maxItems': 128, 'minItems': 1, 'type': 'array',
            },
        },
        'required': ['import_universal_volume_ids'],
    },
    'import_universal_consistency_group_create': {
        'properties': {
            'import_universal_volume_ids': {
                'items': {'ref': 'import_universal_volume', 'type': 'string'}, 'maxItems': 128, 'minItems': 1, 'type': 'array',
            },
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'remote_system_id': {'ref': 'remote_system', 'type': 'string'},
        },
        'required': ['name', 'remote_system_id'],
    },
    'import_universal_consistency_group_instance': {
        'properties': {
            'id': {'type': 'string'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Members_Not_Ready', 'No_Members', 'Max_Members', 'Not_In_Sync', 'Imported',
                    'Incompatible_Firmware', 'Undetermined',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'remote_system': {'def': 'remote_system_instance', 'ref': 'remote_system', 'type': 'object'}, 'remote_system_id': {'type': 'string'},
        },
    },
    'import_universal_consistency_group_modify': {'properties': {'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}}},
    'import_universal_consistency_group_remove_members': {
        'properties': {
            'import_universal_volume_ids': {
                'items': {'ref': 'import_universal_volume', 'type': 'string'}, 'maxItems': 128, 'minItems': 1, 'type': 'array',
            },
        },
        'required': ['import_universal_volume_ids'],
    },
    'import_universal_volume_instance': {
        'properties': {
            'block_size': {'enum': ['512_Bytes', '4K_Bytes', 'Unknown'], 'type': 'string'}, 'block_size_l10n': {'type': 'string'},
            'id': {'type': 'string'}, 'import_universal_consistency_group_id': {'type': 'string'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Host_Not_Added', 'Imported', 'Incompatible_Firmware',
                    'Incompatible_Host_Agent', 'Undetermined', 'Host_Volume_Offline', 'Cluster_Node_Count_MisMatch', 'Undetermined_Cluster_Type',
                    'Source_Volume_Offline', 'Replication_Destination', 'SC_Live_Volume', 'SC_Degraded', 'SC_Not_Active', 'Used_By_NAS',
                    'SC_Portable_Volume', 'VNX_Faulted', 'VNX_Not_Ready', 'VNX_Internal_Volume', 'Unity_System_Health_Inappropriate',
                    'Unity_Volume_Health_Inappropriate', 'XtremIO_Severity_Inappropriate', 'XtremIO_State_Inappropriate',
                    'XtremIO_Volume_Severity_Inappropriate', 'XtremIO_Volume_State_Inappropriate', 'NetApp_System_State_Inappropriate',
                    'NetApp_Volume_State_Inappropriate', 'Volume_Size_Not_Multiple_of_8192', 'Unsupported_Protocol',
                    'Vmax_Volume_State_Inappropriate',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'remote_system': {'def': 'remote_system_instance', 'ref': 'remote_system', 'type': 'object'}, 'remote_system_id': {'type': 'string'},
            'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'wwn': {'type': 'string'},
        },
    },
    'import_universal_volume_modify': {'properties': {'name': {'type': 'string'}}},
    'import_vmax_instance': {
        'properties': {
            'id': {'type': 'string'},
            'import_vmax_storage_group': {
                'items': {'def': 'import_vmax_storage_group_instance', 'ref': 'import_vmax_storage_group', 'type': 'object'}, 'type': 'array',
            },
            'import_vmax_volumes': {'items': {'def': 'import_vmax_volume_instance', 'ref': 'import_vmax_volume', 'type': 'object'}, 'type': 'array'},
            'is_embedded': {'type': 'boolean'}, 'last_updated_timestamp': {'type': 'string'}, 'management_address': {'type': 'string'},
            'model': {'type': 'string'}, 'port': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'supported_import_type': {'enum': ['Agentless', 'Non_Disruptive_And_Agentless', 'Not_Supported'], 'type': 'string'},
            'supported_import_type_l10n': {'type': 'string'}, 'symmetrix_id': {'type': 'string'}, 'ucode_version': {'type': 'string'},
            'unisphere_api_version': {'type': 'string'}, 'user_name': {'type': 'string'},
        },
    },
    'import_vmax_storage_group_instance': {
        'properties': {
            'id': {'type': 'string'}, 'import_vmax': {'def': 'import_vmax_instance', 'ref': 'import_vmax', 'type': 'object'},
            'import_vmax_id': {'type': 'string'},
            'import_vmax_volume': {'items': {'def': 'import_vmax_volume_instance', 'ref': 'import_vmax_volume', 'type': 'object'}, 'type': 'array'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Members_Not_Ready', 'No_Members', 'Max_Members', 'Not_In_Sync', 'Imported',
                    'Incompatible_Firmware', 'Undetermined',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'name': {'type': 'string'},
        },
    },
    'import_vmax_volume_instance': {
        'properties': {
            'block_size': {'enum': ['512_Bytes', '4K_Bytes', 'Unknown'], 'type': 'string'}, 'block_size_l10n': {'type': 'string'},
            'id': {'type': 'string'}, 'import_vmax': {'def': 'import_vmax_instance', 'ref': 'import_vmax', 'type': 'object'},
            'import_vmax_id': {'type': 'string'},
            'import_vmax_storage_group': {'def': 'import_vmax_storage_group_instance', 'ref': 'import_vmax_storage_group', 'type': 'object'},
            'import_vmax_storage_group_id': {'type': 'string'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Host_Not_Added', 'Imported', 'Incompatible_Firmware',
                    'Incompatible_Host_Agent', 'Undetermined', 'Host_Volume_Offline', 'Cluster_Node_Count_MisMatch', 'Undetermined_Cluster_Type',
                    'Source_Volume_Offline', 'Replication_Destination', 'SC_Live_Volume', 'SC_Degraded', 'SC_Not_Active', 'Used_By_NAS',
                    'SC_Portable_Volume', 'VNX_Faulted', 'VNX_Not_Ready', 'VNX_Internal_Volume', 'Unity_System_Health_Inappropriate',
                    'Unity_Volume_Health_Inappropriate', 'XtremIO_Severity_Inappropriate', 'XtremIO_State_Inappropriate',
                    'XtremIO_Volume_Severity_Inappropriate', 'XtremIO_Volume_State_Inappropriate', 'NetApp_System_State_Inappropriate',
                    'NetApp_Volume_State_Inappropriate', 'Volume_Size_Not_Multiple_of_8192', 'Unsupported_Protocol',
                    'Vmax_Volume_State_Inappropriate',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'is_read_only': {'type': 'boolean'}, 'is_replication_destination': {'type': 'boolean'},
            'is_snap_vx_target': {'type': 'boolean'}, 'name': {'type': 'string'},
            'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'state': {'enum': ['Ready', 'Not_Ready', 'Write_Disabled', 'Mixed', 'Not_Applicable'], 'type': 'string'},
            'state_l10n': {'type': 'string'}, 'wwn': {'type': 'string'},
        },
    },
    'import_vnx_array_instance': {
        'properties': {
            'alternate_management_address': {'type': 'string'}, 'id': {'type': 'string'},
            'import_vnx_consistency_groups': {
                'items': {'def': 'import_vnx_consistency_group_instance', 'ref': 'import_vnx_consistency_group', 'type': 'object'}, 'type': 'array',
            },
            'import_vnx_volumes': {'items': {'def': 'import_vnx_volume_instance', 'ref': 'import_vnx_volume', 'type': 'object'}, 'type': 'array'},
            'is_faulted': {'type': 'boolean'}, 'last_updated_timestamp': {'type': 'string'}, 'management_address': {'type': 'string'},
            'model': {'type': 'string'}, 'name': {'type': 'string'}, 'serial_number': {'type': 'string'}, 'software_version': {'type': 'string'},
            'supported_import_type': {'enum': ['Agentless', 'Non_Disruptive_And_Agentless', 'Not_Supported'], 'type': 'string'},
            'supported_import_type_l10n': {'type': 'string'}, 'user_name': {'type': 'string'},
        },
    },
    'import_vnx_consistency_group_instance': {
        'properties': {
            'id': {'type': 'string'}, 'import_vnx_array': {'def': 'import_vnx_array_instance', 'ref': 'import_vnx_array', 'type': 'object'},
            'import_vnx_array_id': {'type': 'string'},
            'import_vnx_volumes': {'items': {'def': 'import_vnx_volume_instance', 'ref': 'import_vnx_volume', 'type': 'object'}, 'type': 'array'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Members_Not_Ready', 'No_Members', 'Max_Members', 'Not_In_Sync', 'Imported',
                    'Incompatible_Firmware', 'Undetermined',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'name': {'type': 'string'},
        },
    },
    'import_vnx_volume_instance': {
        'properties': {
            'health': {'enum': ['Invalid', 'Initializing', 'Ready', 'Faulted', 'Offline', 'Destroying', 'Default'], 'type': 'string'},
            'health_l10n': {'type': 'string'}, 'host_volume_ids': {'items': {'type': 'string'}, 'type': 'array'}, 'id': {'type': 'string'},
            'import_vnx_array': {'def': 'import_vnx_array_instance', 'ref': 'import_vnx_array', 'type': 'object'},
            'import_vnx_array_id': {'type': 'string'},
            'import_vnx_consistency_group': {'def': 'import_vnx_consistency_group_instance', 'ref': 'import_vnx_consistency_group', 'type': 'object'},
            'import_vnx_consistency_group_id': {'type': 'string'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Host_Not_Added', 'Imported', 'Incompatible_Firmware',
                    'Incompatible_Host_Agent', 'Undetermined', 'Host_Volume_Offline', 'Cluster_Node_Count_MisMatch', 'Undetermined_Cluster_Type',
                    'Source_Volume_Offline', 'Replication_Destination', 'SC_Live_Volume', 'SC_Degraded', 'SC_Not_Active', 'Used_By_NAS',
                    'SC_Portable_Volume', 'VNX_Faulted', 'VNX_Not_Ready', 'VNX_Internal_Volume', 'Unity_System_Health_Inappropriate',
                    'Unity_Volume_Health_Inappropriate', 'XtremIO_Severity_Inappropriate', 'XtremIO_State_Inappropriate',
                    'XtremIO_Volume_Severity_Inappropriate', 'XtremIO_Volume_State_Inappropriate', 'NetApp_System_State_Inappropriate',
                    'NetApp_Volume_State_Inappropriate', 'Volume_Size_Not_Multiple_of_8192', 'Unsupported_Protocol',
                    'Vmax_Volume_State_Inappropriate',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'},
            'migration_state': {
                'enum': ['None', 'Prepared', 'Disabled_For_IO', 'In_Progress', 'Completed', 'Aborted', 'Not_Applicable', 'Unknown'], 'type': 'string',
            },
            'migration_state_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'wwn': {'type': 'string'},
        },
    },
    'import_xtremio_consistency_group_instance': {
        'properties': {
            'id': {'type': 'string'}, 'import_xtremio': {'def': 'import_xtremio_instance', 'ref': 'import_xtremio', 'type': 'object'},
            'import_xtremio_id': {'type': 'string'},
            'import_xtremio_volumes': {
                'items': {'def': 'import_xtremio_volume_instance', 'ref': 'import_xtremio_volume', 'type': 'object'}, 'type': 'array',
            },
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Members_Not_Ready', 'No_Members', 'Max_Members', 'Not_In_Sync', 'Imported',
                    'Incompatible_Firmware', 'Undetermined',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'name': {'type': 'string'},
        },
    },
    'import_xtremio_instance': {
        'properties': {
            'cluster_guid': {'type': 'string'}, 'id': {'type': 'string'},
            'import_xtremio_consistency_groups': {
                'items': {'def': 'import_xtremio_consistency_group_instance', 'ref': 'import_xtremio_consistency_group', 'type': 'object'},
                'type': 'array',
            },
            'import_xtremio_volumes': {
                'items': {'def': 'import_xtremio_volume_instance', 'ref': 'import_xtremio_volume', 'type': 'object'}, 'type': 'array',
            },
            'last_updated_timestamp': {'type': 'string'}, 'management_address': {'type': 'string'}, 'name': {'type': 'string'},
            'platform': {'enum': ['X1', 'X2'], 'type': 'string'}, 'platform_l10n': {'type': 'string'}, 'serial_number': {'type': 'string'},
            'severity': {'enum': ['Clear', 'Information', 'Minor', 'Major', 'Critical', 'Unknown'], 'type': 'string'},
            'severity_l10n': {'type': 'string'}, 'software_version': {'type': 'string'},
            'state': {
                'enum': [
                    'Active', 'Start', 'Configured', 'Initializing', 'Stopping', 'Stopped', 'Starting', 'Failed', 'Down', 'Stop_Failed',
                    'Attempting_To_Start', 'Unknown',
                ],
                'type': 'string',
            },
            'state_l10n': {'type': 'string'},
            'supported_import_type': {'enum': ['Agentless', 'Non_Disruptive_And_Agentless', 'Not_Supported'], 'type': 'string'},
            'supported_import_type_l10n': {'type': 'string'}, 'user_name': {'type': 'string'}, 'xms_version': {'type': 'string'},
        },
    },
    'import_xtremio_volume_instance': {
        'properties': {
            'certainty': {'enum': ['Ok', 'Add_Pending', 'Modify_Pending', 'Remove_Pending', 'Unknown'], 'type': 'string'},
            'certainty_l10n': {'type': 'string'}, 'id': {'type': 'string'},
            'import_xtremio': {'def': 'import_xtremio_instance', 'ref': 'import_xtremio', 'type': 'object'},
            'import_xtremio_consistency_group': {
                'def': 'import_xtremio_consistency_group_instance', 'ref': 'import_xtremio_consistency_group', 'type': 'object',
            },
            'import_xtremio_consistency_group_id': {'type': 'string'},
            'import_xtremio_consistency_group_names': {'items': {'type': 'string'}, 'type': 'array'}, 'import_xtremio_id': {'type': 'string'},
            'importable_criteria': {
                'enum': [
                    'Ready', 'Ready_For_Agentless_Import', 'In_Progress', 'Host_Not_Added', 'Imported', 'Incompatible_Firmware',
                    'Incompatible_Host_Agent', 'Undetermined', 'Host_Volume_Offline', 'Cluster_Node_Count_MisMatch', 'Undetermined_Cluster_Type',
                    'Source_Volume_Offline', 'Replication_Destination', 'SC_Live_Volume', 'SC_Degraded', 'SC_Not_Active', 'Used_By_NAS',
                    'SC_Portable_Volume', 'VNX_Faulted', 'VNX_Not_Ready', 'VNX_Internal_Volume', 'Unity_System_Health_Inappropriate',
                    'Unity_Volume_Health_Inappropriate', 'XtremIO_Severity_Inappropriate', 'XtremIO_State_Inappropriate',
                    'XtremIO_Volume_Severity_Inappropriate', 'XtremIO_Volume_State_Inappropriate', 'NetApp_System_State_Inappropriate',
                    'NetApp_Volume_State_Inappropriate', 'Volume_Size_Not_Multiple_of_8192', 'Unsupported_Protocol',
                    'Vmax_Volume_State_Inappropriate',
                ],
                'type': 'string',
            },
            'importable_criteria_l10n': {'type': 'string'}, 'is_read_only': {'type': 'boolean'}, 'is_replication_destination': {'type': 'boolean'},
            'name': {'type': 'string'}, 'severity': {'enum': ['Clear', 'Information', 'Minor', 'Major', 'Critical', 'Unknown'], 'type': 'string'},
            'severity_l10n': {'type': 'string'}, 'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'wwn': {'type': 'string'},
        },
    },
    'initiator_create_modify': {
        'properties': {
            'chap_mutual_password': {'maxLength': 64, 'minLength': 12, 'type': 'string'},
            'chap_mutual_username': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
            'chap_single_password': {'maxLength': 64, 'minLength': 12, 'type': 'string'},
            'chap_single_username': {'maxLength': 64, 'minLength': 1, 'type': 'string'}, 'port_name': {'type': 'string'},
            'port_type': {'enum': ['iSCSI', 'FC', 'NVMe', 'NVMe_vVol'], 'type': 'string'},
        },
        'required': ['port_name', 'port_type'],
    },
    'initiator_instance': {
        'properties': {
            'active_sessions': {'items': {'def': 'active_session_instance', 'type': 'object'}, 'type': 'array'},
            'chap_mutual_username': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
            'chap_single_username': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
            'host': {'def': 'host_instance', 'ref': 'host', 'type': 'object'}, 'host_id': {'type': 'string'}, 'id': {'type': 'string'},
            'port_name': {'type': 'string'}, 'port_type': {'enum': ['iSCSI', 'FC', 'NVMe', 'NVMe_vVol'], 'type': 'string'},
        },
    },
    'io_limit_rule_create': {
        'properties': {
            'burst_percentage': {'maximum': 100, 'minimum': 0, 'type': 'integer'},
            'max_bw': {'maximum': 2147483646, 'minimum': 2000, 'type': 'integer'},
            'max_iops': {'maximum': 2147483646, 'minimum': 1, 'type': 'integer'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'type': {'enum': ['Absolute', 'Density'], 'type': 'string'},
        },
        'required': ['name', 'type'],
    },
    'io_limit_rule_instance': {
        'properties': {
            'burst_percentage': {'maximum': 100, 'minimum': 0, 'type': 'integer'}, 'id': {'type': 'string'},
            'max_bw': {'maximum': 2147483646, 'minimum': 2000, 'type': 'integer'},
            'max_iops': {'maximum': 2147483646, 'minimum': 1, 'type': 'integer'}, 'name': {'maxLength': 128, 'type': 'string'},
            'policies': {'items': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'type': 'array'},
            'type': {'enum': ['Absolute', 'Density'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
        },
    },
    'io_limit_rule_modify': {
        'properties': {
            'burst_percentage': {'maximum': 100, 'minimum': 0, 'type': 'integer'},
            'max_bw': {'maximum': 2147483646, 'minimum': 2000, 'nullable': True, 'type': 'integer'},
            'max_iops': {'maximum': 2147483646, 'minimum': 1, 'nullable': True, 'type': 'integer'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'type': {'enum': ['Absolute', 'Density'], 'type': 'string'},
        },
    },
    'ip_pool_address_instance': {
        'properties': {
            'address': {'type': 'string'}, 'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'},
            'appliance_id': {'type': 'string'}, 'id': {'type': 'string'}, 'ip_port': {'def': 'ip_port_instance', 'ref': 'ip_port', 'type': 'object'},
            'ip_port_id': {'type': 'string'}, 'name': {'maxLength': 256, 'minLength': 1, 'type': 'string'},
            'network': {'def': 'network_instance', 'ref': 'network', 'type': 'object'}, 'network_id': {'type': 'string'},
            'node': {'def': 'node_instance', 'ref': 'node', 'type': 'object'}, 'node_id': {'type': 'string'},
            'nvme_discovered_cdcs': {
                'items': {'def': 'nvme_discovered_cdc_instance', 'ref': 'nvme_discovered_cdc', 'type': 'object'}, 'type': 'array',
            },
            'purposes': {
                'items': {
                    'enum': [
                        'Mgmt_Cluster_Floating', 'Mgmt_Appliance_Floating', 'Mgmt_Node_CoreOS', 'Mgmt_Node_Host', 'ICM_Cluster_Floating',
                        'ICM_Postgres_Floating', 'ICM_Appliance_Floating', 'ICM_Controlpath_Floating', 'ICM_Node_CoreOS', 'Storage_Cluster_Floating',
                        'Storage_Iscsi_Initiator', 'Storage_Iscsi_Target', 'Storage_NVMe_TCP_Port', 'External_Replication_Iscsi',
                        'External_Replication', 'ICD_Node', 'SDNAS_Cluster_Floating', 'SDNAS_Node', 'SDNAS_Node_Serviceability', 'File_Mobility_Node',
                        'File_Mobility_Floating', 'VMotion', 'Unused', 'Storage_Global',
                    ],
                    'type': 'string',
                },
                'type': 'array',
            },
            'purposes_l10n': {'items': {'type': 'string'}, 'type': 'array'},
        },
    },
    'ip_port_instance': {
        'properties': {
            'available_usages': {
                'items': {
                    'enum': ['Management', 'ISCSI', 'ISCSI_Default', 'NVMe_TCP', 'External_Replication', 'File_Mobility', 'File_Data', 'ICM', 'ICD'],
                    'type': 'string',
                },
                'type': 'array',
            },
            'available_usages_l10n': {'items': {'type': 'string'}, 'type': 'array'},
            'bond': {'def': 'bond_instance', 'ref': 'bond', 'type': 'object'}, 'bond_id': {'type': 'string'},
            'current_usages': {
                'items': {
                    'enum': ['Management', 'ISCSI', 'ISCSI_Default', 'NVMe_TCP', 'External_Replication', 'File_Mobility', 'File_Data', 'ICM', 'ICD'],
                    'type': 'string',
                },
                'type': 'array',
            },
            'current_usages_l10n': {'items': {'type': 'string'}, 'type': 'array'},
            'eth_port': {'def': 'eth_port_instance', 'ref': 'eth_port', 'type': 'object'}, 'eth_port_id': {'type': 'string'},
            'file_interfaces': {'items': {'def': 'file_interface_instance', 'ref': 'file_interface', 'type': 'object'}, 'type': 'array'},
            'fsn': {'def': 'fsn_instance', 'ref': 'fsn', 'type': 'object'}, 'fsn_id': {'type': 'string'}, 'id': {'type': 'string'},
            'ip_pool_addresses': {'items': {'def': 'ip_pool_address_instance', 'ref': 'ip_pool_address', 'type': 'object'}, 'type': 'array'},
            'partner': {'def': 'ip_port_instance', 'ref': 'ip_port', 'type': 'object'}, 'partner_id': {'type': 'string'},
            'target_iqn': {'type': 'string'}, 'veth_port': {'def': 'veth_port_instance', 'ref': 'veth_port', 'type': 'object'},
            'veth_port_id': {'type': 'string'},
        },
    },
    'ip_port_modify': {
        'properties': {
            'add_current_usages': {
                'items': {
                    'enum': ['Management', 'ISCSI', 'ISCSI_Default', 'NVMe_TCP', 'External_Replication', 'File_Mobility', 'File_Data', 'ICM', 'ICD'],
                    'type': 'string',
                },
                'type': 'array',
            },
            'network_id': {'ref': 'network', 'type': 'string'},
            'network_ids': {'items': {'ref': 'network', 'type': 'string'}, 'minItems': 1, 'type': 'array'},
            'remove_current_usages': {
                'items': {
                    'enum': ['Management', 'ISCSI', 'ISCSI_Default', 'NVMe_TCP', 'External_Replication', 'File_Mobility', 'File_Data', 'ICM', 'ICD'],
                    'type': 'string',
                },
                'type': 'array',
            },
        },
    },
    'job_instance': {
        'properties': {
            'children': {'items': {'def': 'job_instance', 'ref': 'job', 'type': 'object'}, 'type': 'array'}, 'description_l10n': {'type': 'string'},
            'end_time': {'type': 'string'}, 'estimated_completion_time': {'type': 'string'}, 'id': {'type': 'string'},
            'leafs': {'items': {'def': 'job_instance', 'ref': 'job', 'type': 'object'}, 'type': 'array'},
            'parent': {'def': 'job_instance', 'ref': 'job', 'type': 'object'}, 'parent_id': {'type': 'string'},
            'phase': {
                'enum': ['Pending', 'Queued', 'In_Progress', 'Completed', 'Skipped', 'Failing', 'Unrecoverable_Failed', 'Failed'], 'type': 'string',
            },
            'phase_l10n': {'type': 'string'}, 'progress_percentage': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'resource_action': {
                'enum': [
                    'add_members', 'add_or_replace', 'add_privileged_account', 'apply_internal_host_licenses', 'attach', 'attach_volzs', 'bind',
                    'bulk_disable_mirror', 'bulk_enable_mirror', 'cancel', 'cancel_download', 'check_connectivity', 'check_snapshots_peer_metadata',
                    'cleanup', 'clone', 'configure_metro', 'create', 'create_migration_sessions', 'create_nas_volume_session', 'cutover',
                    'decommission', 'delete', 'demote', 'destination_objects_sync', 'detach', 'discover', 'discover_fc_targets',
                    'discover_foreign_remote_snapshots', 'download', 'drive_failure_tolerance_level_availability', 'empty', 'enable', 'end_metro',
                    'estimate_appliance_free_space', 'exchange', 'expire_recovery_snapshots', 'extend_trial', 'failover', 'file_create_helper',
                    'file_delete_helper', 'forecast', 'fracture', 'generate', 'generate_temp_credentials', 'get_acl', 'get_bond_runtime_information',
                    'get_ca_server_cert', 'get_configuration_info', 'get_l2_information', 'get_metro_tpg_mesh', 'get_privileged_accounts',
                    'get_replicated_nas_server', 'get_viruschecker_audit_info', 'import_snapshot_policy', 'import_snapshot_profiles',
                    'import_snapshot_schedules', 'install', 'join', 'modify', 'modify_volume_state', 'mount', 'object_sync', 'pause', 'ping',
                    'promote', 'puhc', 'query_appliances', 'query_available_powerstore_networks', 'query_destinations_details', 'query_details',
                    'query_target', 'query_volzs', 'recover', 'rediscover', 'refresh', 'refresh_quota', 'regenerate', 'remove_members',
                    'remove_privileged_account', 'replace', 'report', 'reprotect', 'reset_certificates', 'restore', 'restore_pstx_config', 'resume',
                    'retrieve', 'scale', 'scaling_modify', 'scan_status', 'set_acl', 'set_storage_mode', 'snapshot', 'start_failover_test',
                    'start_migration_sessions', 'start_scan', 'stop_failover_test', 'stop_scan', 'switch_mode_to_metro_sync', 'switch_mode_to_sync',
                    'sync', 'sync_node_affinity', 'sync_snapshot', 'sync_time', 'system_pause', 'test', 'time_to_full', 'try_lock', 'unjoin',
                    'unmount', 'update_dts', 'update_properties', 'update_remote_storage_object', 'update_software', 'update_user_mappings',
                    'upgrade', 'upload', 'upload_certificate', 'upload_config', 'upload_keytab', 'validate_create', 'validate_expand',
                    'validate_limits', 'validate_power_down', 'validate_upgrade', 'vcenter_certificate_retrieve_factory_mode', 'vcenter_discover',
                    'verify', 'verify_local', 'version',
                ],
                'type': 'string',
            },
            'resource_action_l10n': {'type': 'string'}, 'resource_id': {'type': 'string'}, 'resource_name': {'type': 'string'},
            'resource_type': {
                'enum': [
                    'alert', 'appliance', 'audit_event', 'bond', 'cert_role_mapping', 'chap_config', 'cluster', 'datastore', 'discovered_appliance',
                    'discovered_initiator', 'dns', 'email_notify_destination', 'eth_be_port', 'eth_port', 'event', 'fast_metrics_config', 'fc_port',
                    'file_dhsm_config', 'file_dns', 'file_events_pool', 'file_events_publisher', 'file_ftp', 'file_import_interface',
                    'file_import_nas_server', 'file_import_session', 'file_interface', 'file_interface_route', 'file_io_limit_rule', 'file_kerberos',
                    'file_ldap', 'file_ndmp', 'file_nis', 'file_system', 'file_tree_quota', 'file_user_quota', 'file_virus_checker', 'fsn',
                    'hardware', 'host', 'host_group', 'host_virtual_volume_mapping', 'host_volume_mapping', 'import_host_initiator',
                    'import_host_system', 'import_host_volume', 'import_netapp', 'import_netapp_volume', 'import_psgroup', 'import_psgroup_volume',
                    'import_session', 'import_storage_center', 'import_storage_center_consistency_group', 'import_storage_center_volume',
                    'import_unity', 'import_unity_consistency_group', 'import_unity_volume', 'import_universal_consistency_group', 'import_vmax',
                    'import_vmax_storage_group', 'import_vmax_volume', 'import_vnx_array', 'import_vnx_consistency_group', 'import_vnx_volume',
                    'initiator', 'io_limit_rule', 'ip_pool_address', 'ip_port', 'job', 'keystore_archive', 'kmip_config', 'ldap_account',
                    'ldap_domain', 'license', 'local_user', 'login_banner', 'login_session', 'maintenance_window', 'metrics', 'metrics_archive',
                    'metro_session', 'mfa_cacpiv', 'mfa_securid', 'migration_recommendation', 'migration_session', 'nas_server', 'ndu', 'network',
                    'nfs_export', 'nfs_server', 'node', 'ntp', 'ntp_server', 'nvme_discovered_cdc', 'performance_rule', 'physical_switch', 'policy',
                    'recycle_bin', 'recycle_bin_config', 'remote_syslog_server', 'remote_system', 'replication_rule', 'replication_session', 'role',
                    'sas_port', 'scheduler', 'security_config', 'service_config', 'service_user', 'smb_server', 'smb_share', 'smtp_config',
                    'snapshot_rule', 'software_installed', 'software_package', 'storage_container', 'storage_container_destination', 'vcenter',
                    'veth_port', 'virtual_machine', 'virtual_volume', 'volume', 'volume_group', 'vsphere_host', 'vsphere_host_license_assignment',
                    'witness', 'x509_certificate',
                ],
                'type': 'string',
            },
            'resource_type_l10n': {'type': 'string'}, 'response_body': {'def': 'base_response', 'type': 'object'},
            'response_status': {
                'enum': ['200', '201', '202', '204', '206', '207', '400', '401', '403', '404', '405', '406', '415', '416', '422', '500', '503'],
                'type': 'string',
            },
            'response_status_l10n': {'type': 'string'}, 'root': {'def': 'job_instance', 'ref': 'job', 'type': 'object'},
            'root_id': {'type': 'string'}, 'start_time': {'type': 'string'},
            'state': {
                'enum': ['PENDING', 'QUEUED', 'IN_PROGRESS', 'COMPLETED', 'SKIPPED', 'FAILING', 'UNRECOVERABLE_FAILED', 'FAILED'], 'type': 'string',
            },
            'state_l10n': {'type': 'string'}, 'step_order': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'user': {'type': 'string'},
        },
    },
    'keystore_archive_instance': {'properties': {'data': {'type': 'string'}}},
    'kmip_config_instance': {
        'properties': {
            'id': {'type': 'string'}, 'is_enabled': {'type': 'boolean'}, 'port': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'server_timeout': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'servers': {'items': {'def': 'kmip_config_member_instance', 'type': 'object'}, 'type': 'array'}, 'username': {'type': 'string'},
        },
    },
    'kmip_config_member_instance': {
        'properties': {'address': {'type': 'string'}, 'status': {'enum': ['Up', 'Down'], 'type': 'string'}, 'status_l10n': {'type': 'string'}},
    },
    'kmip_config_modify': {
        'properties': {
            'add_servers': {'items': {'type': 'string'}, 'type': 'array'}, 'is_enabled': {'type': 'boolean'}, 'password': {'type': 'string'},
            'port': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'remove_servers': {'items': {'type': 'string'}, 'type': 'array'},
            'server_timeout': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'servers': {'items': {'type': 'string'}, 'type': 'array'},
            'username': {'type': 'string'},
        },
    },
    'l2_discovery_details_instance': {
        'properties': {
            'remote_description': {'type': 'string'}, 'remote_mac': {'type': 'string'},
            'remote_mtu': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'remote_name': {'type': 'string'},
            'remote_native_vlan': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'remote_port_name': {'type': 'string'},
        },
    },
    'ldap_account_create': {
        'properties': {
            'domain_id': {'ref': '#null', 'type': 'string'}, 'name': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'role_id': {'ref': 'role', 'type': 'string'}, 'type': {'enum': ['User', 'Group'], 'type': 'string'},
        },
        'required': ['domain_id', 'name', 'role_id'],
    },
    'ldap_account_instance': {
        'properties': {
            'dn': {'type': 'string'}, 'domain_id': {'type': 'string'}, 'id': {'type': 'string'}, 'name': {'type': 'string'},
            'role_id': {'type': 'string'}, 'type': {'enum': ['User', 'Group'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
        },
    },
    'ldap_account_modify': {'properties': {'role_id': {'ref': 'role', 'type': 'string'}}},
    'ldap_domain_create': {
        'properties': {
            'bind_password': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'bind_user': {'maxLength': 1023, 'minLength': 1, 'type': 'string'}, 'domain_name': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'group_member_attribute': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'group_name_attribute': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'group_object_class': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'group_search_level': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'group_search_path': {'maxLength': 1023, 'minLength': 0, 'type': 'string'}, 'is_global_catalog': {'type': 'boolean'},
            'ldap_server_type': {'enum': ['AD', 'OpenLDAP'], 'type': 'string'},
            'ldap_servers': {'items': {'type': 'string'}, 'maxItems': 1200, 'minItems': 1, 'type': 'array'},
            'ldap_timeout': {'maximum': 170000, 'minimum': 0, 'type': 'integer'}, 'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'protocol': {'enum': ['LDAP', 'LDAPS'], 'type': 'string'}, 'user_id_attribute': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'user_object_class': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'user_search_path': {'maxLength': 1023, 'minLength': 0, 'type': 'string'},
        },
        'required': ['domain_name', 'ldap_servers', 'bind_user', 'bind_password', 'user_search_path', 'group_search_path'],
    },
    'ldap_domain_instance': {
        'properties': {
            'bind_user': {'type': 'string'}, 'domain_name': {'type': 'string'}, 'group_member_attribute': {'type': 'string'},
            'group_name_attribute': {'type': 'string'}, 'group_object_class': {'type': 'string'},
            'group_search_level': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'group_search_path': {'type': 'string'},
            'id': {'type': 'string'}, 'is_global_catalog': {'type': 'boolean'}, 'ldap_server_type': {'enum': ['AD', 'OpenLDAP'], 'type': 'string'},
            'ldap_server_type_l10n': {'type': 'string'}, 'ldap_servers': {'items': {'type': 'string'}, 'type': 'array'},
            'ldap_timeout': {'maximum': 170000, 'minimum': 0, 'type': 'integer'}, 'port': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'protocol': {'enum': ['LDAP', 'LDAPS'], 'type': 'string'}, 'protocol_l10n': {'type': 'string'}, 'user_id_attribute': {'type': 'string'},
            'user_object_class': {'type': 'string'}, 'user_search_path': {'type': 'string'},
        },
    },
    'ldap_domain_modify': {
        'properties': {
            'bind_password': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'bind_user': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'group_member_attribute': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'group_name_attribute': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'group_object_class': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'group_search_level': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'group_search_path': {'maxLength': 1023, 'minLength': 0, 'type': 'string'}, 'is_global_catalog': {'type': 'boolean'},
            'ldap_server_type': {'enum': ['AD', 'OpenLDAP'], 'type': 'string'},
            'ldap_servers': {'items': {'type': 'string'}, 'maxItems': 1200, 'minItems': 0, 'type': 'array'},
            'ldap_timeout': {'maximum': 170000, 'minimum': 0, 'type': 'integer'}, 'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'protocol': {'enum': ['LDAP', 'LDAPS'], 'type': 'string'}, 'user_id_attribute': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'user_object_class': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'user_search_path': {'maxLength': 1023, 'minLength': 0, 'type': 'string'},
        },
    },
    'license_instance': {
        'properties': {
            'activation_file_content': {'type': 'string'}, 'id': {'type': 'string'}, 'is_licensed': {'type': 'boolean'},
            'license_type': {'enum': ['EVALUATION', 'PERMANENT', 'SUBSCRIPTION'], 'type': 'string'}, 'license_type_l10n': {'type': 'string'},
            'trial_expiration_timestamp': {'type': 'string'},
        },
    },
    'local_user_create': {
        'properties': {
            'is_mfa_bypass': {'type': 'boolean'}, 'name': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
            'password': {'maxLength': 40, 'minLength': 8, 'type': 'string'}, 'role_id': {'ref': 'role', 'type': 'string'},
        },
        'required': ['name', 'role_id', 'password'],
    },
    'local_user_instance': {
        'properties': {
            'id': {'type': 'string'}, 'is_built_in': {'type': 'boolean'}, 'is_default_password': {'type': 'boolean'},
            'is_locked': {'type': 'boolean'}, 'is_mfa_bypass': {'type': 'boolean'}, 'mfa_alias': {'type': 'string'}, 'name': {'type': 'string'},
            'password_expiration_timestamp': {'type': 'string'}, 'role_id': {'type': 'string'},
        },
    },
    'local_user_modify': {
        'properties': {
            'current_password': {'type': 'string'}, 'is_locked': {'type': 'boolean'}, 'is_mfa_bypass': {'type': 'boolean'},
            'password': {'maxLength': 40, 'minLength': 8, 'type': 'string'}, 'role_id': {'ref': 'role', 'type': 'string'},
        },
    },
    'location_history_instance': {
        'properties': {
            'from_appliance_id': {'type': 'string'}, 'migrated_on': {'type': 'string'},
            'reason': {'enum': ['Initial', 'Manual', 'Recommended'], 'type': 'string'}, 'reason_l10n': {'type': 'string'},
            'to_appliance_id': {'type': 'string'},
        },
    },
    'login_banner_instance': {'properties': {'banner_text': {'type': 'string'}, 'id': {'type': 'string'}, 'is_enabled': {'type': 'boolean'}}},
    'login_banner_modify': {'properties': {'banner_text': {'type': 'string'}, 'is_enabled': {'type': 'boolean'}}},
    'login_session_instance': {
        'properties': {
            'id': {'type': 'string'}, 'idle_timeout': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'is_built_in_user': {'type': 'boolean'}, 'is_password_change_required': {'type': 'boolean'},
            'role_ids': {'items': {'type': 'string'}, 'type': 'array'}, 'user': {'type': 'string'},
        },
    },
    'maintenance_window_instance': {
        'properties': {
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'appliance_id': {'type': 'string'},
            'end_time': {'type': 'string'}, 'id': {'type': 'string'}, 'is_enabled': {'type': 'boolean'},
        },
    },
    'maintenance_window_modify': {
        'properties': {'end_offset': {'maximum': 432000, 'minimum': 0, 'type': 'integer'}, 'is_enabled': {'type': 'boolean'}},
    },
    'member_certificate_instance': {
        'properties': {
            'certificate': {'type': 'string'}, 'depth': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'issuer': {'type': 'string'},
            'key_length': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'public_key_algorithm': {'type': 'string'},
            'serial_number': {'type': 'string'}, 'signature_algorithm': {'type': 'string'}, 'subject': {'type': 'string'},
            'subject_alternative_names': {'items': {'type': 'string'}, 'type': 'array'}, 'thumbprint': {'type': 'string'},
            'thumbprint_algorithm': {'enum': ['SHA-256'], 'type': 'string'}, 'thumbprint_algorithm_l10n': {'type': 'string'},
            'valid_from': {'type': 'string'}, 'valid_to': {'type': 'string'},
        },
    },
    'member_details_instance': {'properties': {'local_snap_id': {'type': 'string'}, 'volume_id': {'type': 'string'}}},
    'metrics_archive_generate': {'properties': {'archive_from_timestamp': {'type': 'string'}, 'archive_to_timestamp': {'type': 'string'}}},
    'metrics_archive_instance': {
        'properties': {
            'archive_from_timestamp': {'type': 'string'}, 'archive_to_timestamp': {'type': 'string'}, 'download_uri': {'type': 'string'},
            'downloaded_timestamp': {'type': 'string'}, 'id': {'type': 'string'}, 'name': {'type': 'string'},
            'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
        },
    },
    'metrics_generate': {
        'properties': {
            'entity': {
                'enum': [
                    'performance_metrics_by_appliance', 'performance_metrics_by_node', 'performance_metrics_by_volume',
                    'performance_metrics_by_cluster', 'performance_metrics_by_vm', 'performance_metrics_by_vg', 'performance_metrics_by_fe_fc_port',
                    'performance_metrics_by_fe_eth_port', 'performance_metrics_by_fe_eth_node', 'performance_metrics_by_fe_fc_node',
                    'wear_metrics_by_drive', 'wear_metrics_by_drive_daily', 'space_metrics_by_cluster', 'space_metrics_by_appliance',
                    'space_metrics_by_volume', 'space_metrics_by_volume_family', 'space_metrics_by_vm', 'space_metrics_by_storage_container',
                    'space_metrics_by_vg', 'copy_metrics_by_appliance', 'copy_metrics_by_cluster', 'copy_metrics_by_vg', 'copy_metrics_by_rg',
                    'copy_metrics_by_remote_system', 'copy_metrics_by_replication_session', 'copy_metrics_by_volume',
                    'performance_metrics_by_file_system', 'performance_metrics_smb_by_node', 'performance_metrics_smb_builtinclient_by_node',
                    'performance_metrics_smb_branch_cache_by_node', 'performance_metrics_smb1_by_node',
                    'performance_metrics_smb1_builtinclient_by_node', 'performance_metrics_smb2_by_node',
                    'performance_metrics_smb2_builtinclient_by_node', 'performance_metrics_nfs_by_node', 'performance_metrics_nfsv3_by_node',
                    'performance_metrics_nfsv4_by_node', 'performance_metrics_file_by_node', 'performance_metrics_file_by_appliance',
                    'performance_metrics_file_by_cluster', 'performance_metrics_by_ip_port', 'performance_metrics_by_ip_port_iscsi',
                    'performance_metrics_by_nas_server', 'space_metrics_by_file_system', 'performance_metrics_by_initiator',
                    'performance_metrics_by_host', 'performance_metrics_by_hg', 'vsphere_metrics_by_vm', 'vsphere_appson_metrics_by_node',
                    'vsphere_appson_metrics_by_appliance', 'space_metrics_by_remote_system', 'copy_metrics_by_file_system',
                    'copy_metrics_by_nas_server', 'performance_headroom_by_appliance', 'performance_metrics_by_appliance_resource_util',
                ],
                'type': 'string',
            },
            'entity_id': {'ref': '#null', 'type': 'string'},
            'interval': {'enum': ['Best_Available', 'Five_Sec', 'Twenty_Sec', 'Five_Mins', 'One_Hour', 'One_Day'], 'type': 'string'},
        },
        'required': ['entity', 'entity_id'],
    },
    'mfa_cacpiv_create': {'properties': {'is_enabled': {'type': 'boolean'}}, 'required': ['is_enabled']},
    'mfa_cacpiv_instance': {
        'properties': {
            'connection_timeout': {'maximum': 4000, 'minimum': 500, 'type': 'integer'}, 'crl_url': {'type': 'string'}, 'id': {'type': 'string'},
            'is_enabled': {'type': 'boolean'}, 'ocsp_url': {'type': 'string'}, 'read_timeout': {'maximum': 4000, 'minimum': 500, 'type': 'integer'},
        },
    },
    'mfa_cacpiv_modify': {'properties': {'is_enabled': {'type': 'boolean'}}},
    'mfa_securid_create': {
        'properties': {
            'access_key': {'maxLength': 128, 'type': 'string'}, 'ca_certificate': {'type': 'string'},
            'client_id': {'maxLength': 256, 'ref': '#null', 'type': 'string'},
            'connection_timeout': {'maximum': 30000, 'minimum': 1, 'type': 'integer'}, 'is_enabled': {'type': 'boolean'},
            'name': {'maxLength': 128, 'type': 'string'}, 'read_timeout': {'maximum': 30000, 'minimum': 1, 'type': 'integer'},
            'rsa_token': {'maxLength': 16, 'type': 'string'}, 'rsa_username': {'maxLength': 128, 'type': 'string'},
            'server_urls': {'items': {'maxItems': 1, 'minItems': 1, 'type': 'string'}, 'type': 'array'},
        },
        'required': ['server_urls', 'client_id', 'access_key', 'ca_certificate'],
    },
    'mfa_securid_instance': {
        'properties': {
            'client_id': {'maxLength': 50, 'type': 'string'}, 'connection_timeout': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'id': {'type': 'string'}, 'is_enabled': {'type': 'boolean'}, 'name': {'maxLength': 128, 'type': 'string'},
            'read_timeout': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'server_urls': {'items': {'type': 'string'}, 'maxItems': 1, 'minItems': 1, 'type': 'array'},
            'status': {'enum': ['Connected', 'Unavailable', 'Disabled'], 'type': 'string'}, 'status_l10n': {'type': 'string'},
        },
    },
    'mfa_securid_modify': {
        'properties': {
            'access_key': {'maxLength': 128, 'type': 'string'}, 'client_id': {'maxLength': 256, 'ref': '#null', 'type': 'string'},
            'connection_timeout': {'maximum': 30000, 'minimum': 1, 'type': 'integer'}, 'is_enabled': {'type': 'boolean'},
            'name': {'maxLength': 128, 'type': 'string'}, 'read_timeout': {'maximum': 30000, 'minimum': 1, 'type': 'integer'},
            'rsa_token': {'maxLength': 16, 'type': 'string'}, 'rsa_username': {'maxLength': 128, 'type': 'string'},
            'server_urls': {'items': {'type': 'string'}, 'maxItems': 1, 'minItems': 1, 'type': 'array'},
        },
    },
    'mfa_service_ref': {
        'properties': {'id': {'type': 'string'}, 'type': {'enum': ['MFA_SecurID', 'MFA_CACPIV'], 'type': 'string'}, 'type_l10n': {'type': 'string'}},
        'required': ['type', 'id'],
    },
    'migration_recommendation_action': {
        'properties': {
            'action_state': {
                'enum': [
                    'Recommendation_Created', 'Migration_Session_Created', 'Migration_Session_Create_Failed', 'Migration_Started',
                    'Migration_Start_Failed', 'Migration_Paused', 'Migration_Error', 'Migration_Successful',
                ],
                'type': 'string',
            },
            'action_state_l10n': {'type': 'string'}, 'active': {'type': 'boolean'},
            'connected_appliance_ids': {'items': {'type': 'string'}, 'type': 'array'},
            'cost': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'dst_appliance_id': {'type': 'string'},
            'host_connectivity_to_destination': {'type': 'boolean'},
            'migration_primary_resource_type': {
                'enum': ['volume', 'virtual_volume', 'host', 'virtual_machine', 'replication_group', 'volume_group'], 'type': 'string',
            },
            'migration_primary_resource_type_l10n': {'type': 'string'},
            'migration_reason': {
                'enum': [
                    'No_Host_Attached', 'No_Virtual_Machine_Attached', 'Attached_To_Host', 'Attached_To_Virtual_Machine', 'Virtual_Machine',
                    'Virtual_Machine_Family', 'Replication_Group', 'Volume_Group_Member', 'Unspecified',
                ],
                'type': 'string',
            },
            'migration_reason_l10n': {'type': 'string'}, 'primary_id': {'type': 'string'}, 'primary_name': {'type': 'string'},
            'resource_id': {'type': 'string'},
            'resource_type': {'enum': ['volume', 'virtual_volume', 'volume_group', 'virtual_machine', 'replication_group'], 'type': 'string'},
            'resource_type_l10n': {'type': 'string'}, 'src_appliance_id': {'type': 'string'},
        },
        'required': [
            'resource_id', 'resource_type', 'src_appliance_id', 'dst_appliance_id', 'cost', 'host_connectivity_to_destination', 'action_state',
            'primary_id', 'primary_name', 'migration_primary_resource_type', 'migration_reason',
        ],
    },
    'migration_recommendation_action_modify': {
        'properties': {
            'migration_actions': {'items': {'def': 'migration_recommendation_action_modify.migration_actions[]', 'type': 'object'}, 'type': 'array'},
        },
        'required': ['migration_actions'],
    },
    'migration_recommendation_action_modify.migration_actions[]': {
        'properties': {'active': {'type': 'boolean'}, 'dst_appliance_id': {'type': 'string'}, 'resource_id': {'type': 'string'}},
        'required': ['resource_id', 'dst_appliance_id', 'active'],
    },
    'migration_recommendation_create': {
        'properties': {
            'evacuate_appliance': {'def': 'migration_recommendation_create.evacuate_appliance', 'type': 'object'},
            'evacuate_appliance_all': {'def': 'migration_recommendation_create.evacuate_appliance_all', 'type': 'object'},
            'evacuate_objects': {'def': 'migration_recommendation_create.evacuate_objects', 'type': 'object'},
        },
    },
    'migration_recommendation_create.evacuate_appliance': {
        'properties': {
            'appliance_id': {'type': 'string'}, 'space_to_free': {'maximum': 9223372036854775807, 'minimum': 1, 'type': 'integer'},
            'target_appliance_ids': {'items': {'type': 'string'}, 'maxItems': 16, 'type': 'array'},
        },
        'required': ['appliance_id'],
    },
    'migration_recommendation_create.evacuate_appliance_all': {
        'properties': {'appliance_id': {'type': 'string'}, 'target_appliance_ids': {'items': {'type': 'string'}, 'maxItems': 16, 'type': 'array'}},
        'required': ['appliance_id'],
    },
    'migration_recommendation_create.evacuate_objects': {
        'properties': {
            'appliance_id': {'type': 'string'},
            'storage_objects': {
                'items': {'def': 'migration_recommendation_create.evacuate_objects.storage_objects[]', 'type': 'object'}, 'type': 'array',
            },
            'target_appliance_ids': {'items': {'type': 'string'}, 'maxItems': 16, 'type': 'array'},
        },
        'required': ['appliance_id'],
    },
    'migration_recommendation_create.evacuate_objects.storage_objects[]': {
        'properties': {
            'resource_ids': {'items': {'type': 'string'}, 'maxItems': 35000, 'type': 'array'},
            'resource_type': {'enum': ['volume', 'virtual_volume', 'volume_group', 'virtual_machine', 'replication_group'], 'type': 'string'},
        },
        'required': ['resource_type', 'resource_ids'],
    },
    'migration_recommendation_instance': {
        'properties': {
            'created_timestamp': {'type': 'string'}, 'estimated_cost': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'id': {'type': 'string'}, 'migration_actions': {'items': {'def': 'migration_recommendation_action', 'type': 'object'}, 'type': 'array'},
            'request_parameters': {'def': 'migration_recommendation_create', 'type': 'object'},
            'rescan_host_list': {'items': {'type': 'string'}, 'type': 'array'}, 'sessions_completed_timestamp': {'type': 'string'},
            'sessions_created_timestamp': {'type': 'string'},
            'state': {
                'enum': [
                    'Recommendation_Created', 'Some_Actions_Recommended', 'Migration_Session_Created', 'Migration_Session_Create_Failed',
                    'Migration_Started', 'Migration_Start_Failed', 'Migration_Paused', 'Migration_Error', 'Migration_Successful',
                ],
                'type': 'string',
            },
            'state_l10n': {'type': 'string'}, 'type': {'enum': ['Evacuate_Appliance', 'Evacuate_Objects'], 'type': 'string'},
            'type_l10n': {'type': 'string'},
        },
    },
    'migration_session_create': {
        'properties': {
            'automatic_cutover': {'type': 'boolean'}, 'destination_appliance_id': {'ref': '#remote/appliance', 'type': 'string'},
            'family_id': {'ref': '#null', 'type': 'string'}, 'name': {'type': 'string'},
            'resource_type': {'enum': ['volume', 'virtual_volume', 'volume_group', 'virtual_machine', 'replication_group'], 'type': 'string'},
        },
        'required': ['resource_type', 'family_id', 'destination_appliance_id'],
    },
    'migration_session_delete': {'properties': {'force': {'type': 'boolean'}}},
    'migration_session_instance': {
        'properties': {
            'created_timestamp': {'type': 'string'}, 'current_transfer_rate': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'destination_appliance_id': {'type': 'string'}, 'estimated_completion_timestamp': {'type': 'string'}, 'family_id': {'type': 'string'},
            'id': {'type': 'string'}, 'last_sync_timestamp': {'type': 'string'}, 'name': {'type': 'string'},
            'progress_percentage': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'replication_sessions': {
                'items': {'def': 'replication_session_instance', 'ref': 'replication_session', 'type': 'object'}, 'type': 'array',
            },
            'resource_type': {'enum': ['volume', 'virtual_volume', 'volume_group', 'virtual_machine', 'replication_group'], 'type': 'string'},
            'resource_type_l10n': {'type': 'string'}, 'source_appliance_id': {'type': 'string'},
            'state': {
                'enum': [
                    'Initializing', 'Automatic_Rescan_In_Progress', 'Manual_Rescan_Required', 'Initialized', 'Synchronizing', 'Idle', 'Cutting_Over',
                    'Deleting', 'Completed', 'Pausing', 'Paused', 'System_Paused', 'Resuming', 'Failed',
                ],
                'type': 'string',
            },
            'state_l10n': {'type': 'string'},
            'virtual_volumes': {'items': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'type': 'array'},
            'volume_groups': {'items': {'def': 'volume_group_instance', 'ref': 'volume_group', 'type': 'object'}, 'type': 'array'},
            'volumes': {'items': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'}, 'type': 'array'},
        },
    },
    'migration_session_sync': {'properties': {'automatic_cutover': {'type': 'boolean'}, 'rescan_complete': {'type': 'boolean'}}},
    'nas_server_clone': {
        'properties': {
            'clone_flr_file_systems': {'type': 'boolean'}, 'file_systems': {'items': {'type': 'string'}, 'type': 'array'},
            'is_dr_test': {'type': 'boolean'}, 'name': {'type': 'string'},
        },
        'required': ['name'],
    },
    'nas_server_create': {
        'properties': {
            'current_unix_directory_service': {'enum': ['None', 'NIS', 'LDAP', 'Local_Files', 'Local_Then_NIS', 'Local_Then_LDAP'], 'type': 'string'},
            'default_unix_user': {'maxLength': 63, 'minLength': 0, 'type': 'string'},
            'default_windows_user': {'maxLength': 1023, 'minLength': 0, 'type': 'string'},
            'description': {'maxLength': 255, 'minLength': 0, 'type': 'string'}, 'is_auto_user_mapping_enabled': {'type': 'boolean'},
            'is_username_translation_enabled': {'type': 'boolean'}, 'name': {'maxLength': 255, 'minLength': 1, 'type': 'string'},
            'performance_policy_id': {'ref': 'policy', 'type': 'string'}, 'protection_policy_id': {'ref': 'policy', 'type': 'string'},
        },
        'required': ['name'],
    },
    'nas_server_delete': {
        'properties': {'domain_password': {'type': 'string'}, 'domain_user_name': {'type': 'string'}, 'is_skip_domain_unjoin': {'type': 'boolean'}},
    },
    'nas_server_instance': {
        'properties': {
            'backup_IPv4_interface_id': {'type': 'string'}, 'backup_IPv6_interface_id': {'type': 'string'}, 'current_node_id': {'type': 'string'},
            'current_preferred_IPv4_interface_id': {'type': 'string'}, 'current_preferred_IPv6_interface_id': {'type': 'string'},
            'current_unix_directory_service': {'enum': ['None', 'NIS', 'LDAP', 'Local_Files', 'Local_Then_NIS', 'Local_Then_LDAP'], 'type': 'string'},
            'current_unix_directory_service_l10n': {'type': 'string'}, 'default_unix_user': {'type': 'string'},
            'default_windows_user': {'type': 'string'}, 'description': {'type': 'string'},
            'file_dhsm_configs': {'items': {'def': 'file_dhsm_config_instance', 'ref': 'file_dhsm_config', 'type': 'object'}, 'type': 'array'},
            'file_dnses': {'items': {'def': 'file_dns_instance', 'ref': 'file_dns', 'type': 'object'}, 'type': 'array'},
            'file_events_publishers': {
                'items': {'def': 'file_events_publisher_instance', 'ref': 'file_events_publisher', 'type': 'object'}, 'type': 'array',
            },
            'file_events_publishing_mode': {'enum': ['None', 'SMB_Only', 'NFS_Only', 'All'], 'type': 'string'},
            'file_events_publishing_mode_l10n': {'type': 'string'},
            'file_ftps': {'items': {'def': 'file_ftp_instance', 'ref': 'file_ftp', 'type': 'object'}, 'type': 'array'},
            'file_interfaces': {'items': {'def': 'file_interface_instance', 'ref': 'file_interface', 'type': 'object'}, 'type': 'array'},
            'file_kerberoses': {'items': {'def': 'file_kerberos_instance', 'ref': 'file_kerberos', 'type': 'object'}, 'type': 'array'},
            'file_ldaps': {'items': {'def': 'file_ldap_instance', 'ref': 'file_ldap', 'type': 'object'}, 'type': 'array'},
            'file_ndmps': {'items': {'def': 'file_ndmp_instance', 'ref': 'file_ndmp', 'type': 'object'}, 'type': 'array'},
            'file_nises': {'items': {'def': 'file_nis_instance', 'ref': 'file_nis', 'type': 'object'}, 'type': 'array'},
            'file_systems': {'items': {'def': 'file_system_instance', 'ref': 'file_system', 'type': 'object'}, 'type': 'array'},
            'file_virus_checkers': {'items': {'def': 'file_virus_checker_instance', 'ref': 'file_virus_checker', 'type': 'object'}, 'type': 'array'},
            'id': {'type': 'string'}, 'is_auto_user_mapping_enabled': {'type': 'boolean'}, 'is_dr_test': {'type': 'boolean'},
            'is_production_mode_enabled': {'type': 'boolean'}, 'is_replication_destination': {'type': 'boolean'},
            'is_username_translation_enabled': {'type': 'boolean'}, 'name': {'type': 'string'},
            'nfs_servers': {'items': {'def': 'nfs_server_instance', 'ref': 'nfs_server', 'type': 'object'}, 'type': 'array'},
            'operational_status': {'enum': ['Stopped', 'Starting', 'Started', 'Stopping', 'Failover', 'Degraded', 'Unknown'], 'type': 'string'},
            'operational_status_l10n': {'type': 'string'}, 'performance_policy': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'},
            'performance_policy_id': {'type': 'string'}, 'preferred_node_id': {'type': 'string'}, 'production_IPv4_interface_id': {'type': 'string'},
            'production_IPv6_interface_id': {'type': 'string'}, 'protection_policy': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'},
            'protection_policy_id': {'type': 'string'},
            'smb_servers': {'items': {'def': 'smb_server_instance', 'ref': 'smb_server', 'type': 'object'}, 'type': 'array'},
        },
    },
    'nas_server_modify': {
        'properties': {
            'backup_IPv4_interface_id': {'ref': '#null', 'type': 'string'}, 'backup_IPv6_interface_id': {'ref': '#null', 'type': 'string'},
            'current_node_id': {'ref': 'node', 'type': 'string'},
            'current_unix_directory_service': {'enum': ['None', 'NIS', 'LDAP', 'Local_Files', 'Local_Then_NIS', 'Local_Then_LDAP'], 'type': 'string'},
            'default_unix_user': {'maxLength': 63, 'minLength': 0, 'type': 'string'},
            'default_windows_user': {'maxLength': 1023, 'minLength': 0, 'type': 'string'},
            'description': {'maxLength': 255, 'minLength': 0, 'type': 'string'},
            'file_events_publisher_id': {'nullable': True, 'ref': 'file_events_publisher', 'type': 'string'},
            'file_events_publishing_mode': {'enum': ['None', 'SMB_Only', 'NFS_Only', 'All'], 'type': 'string'}, 'force': {'type': 'boolean'},
            'is_auto_user_mapping_enabled': {'type': 'boolean'}, 'is_production_mode_enabled': {'type': 'boolean'},
            'is_replication_destination': {'type': 'boolean'}, 'is_username_translation_enabled': {'type': 'boolean'},
            'name': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'performance_policy_id': {'ref': 'policy', 'type': 'string'},
            'preferred_node_id': {'ref': 'node', 'type': 'string'}, 'production_IPv4_interface_id': {'ref': '#null', 'type': 'string'},
            'production_IPv6_interface_id': {'ref': '#null', 'type': 'string'},
            'protection_policy_id': {'nullable': True, 'ref': 'policy', 'type': 'string'},
        },
    },
    'nas_server_ping': {'properties': {'destination_address': {'type': 'string'}, 'is_ipv6': {'type': 'boolean'}}},
    'network_create': {
        'properties': {
            'add_addresses': {'items': {'type': 'string'}, 'type': 'array'}, 'cluster_mgmt_address': {'type': 'string'},
            'gateway': {'type': 'string'}, 'ip_version': {'enum': ['IPv4', 'IPv6'], 'type': 'string'},
            'mtu': {'maximum': 9000, 'minimum': 1280, 'type': 'integer'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'nvme_cdc_address': {'type': 'string'}, 'nvme_cdc_port': {'maximum': 65535, 'minimum': 8009, 'type': 'integer'},
            'nvme_discovery_mode': {'enum': ['Auto_Discovery_CDC', 'Manual_CDC', 'Advertise_DDC', 'Auto_Discovery_Disabled'], 'type': 'string'},
            'prefix_length': {'maximum': 127, 'minimum': 1, 'type': 'integer'},
            'purposes': {
                'items': {'enum': ['ISCSI', 'NVMe_TCP', 'File_Mobility', 'External_Replication'], 'type': 'string'}, 'maxItems': 32, 'minItems': 0,
                'type': 'array',
            },
            'storage_discovery_address': {'type': 'string'},
            'type': {
                'enum': ['Management', 'Intra_Cluster_Management', 'Intra_Cluster_Data', 'Storage', 'VMotion', 'File_Mobility'], 'type': 'string',
            },
            'vlan_id': {'maximum': 4094, 'minimum': 0, 'ref': '#null', 'type': 'integer'},
        },
        'required': ['type', 'name', 'ip_version', 'purposes', 'prefix_length', 'mtu'],
    },
    'network_instance': {
        'properties': {
            'gateway': {'type': 'string'}, 'id': {'type': 'string'},
            'ip_pool_addresses': {'items': {'def': 'ip_pool_address_instance', 'ref': 'ip_pool_address', 'type': 'object'}, 'type': 'array'},
            'ip_version': {'enum': ['IPv4', 'IPv6'], 'type': 'string'}, 'ip_version_l10n': {'type': 'string'},
            'mtu': {'maximum': 9000, 'minimum': 1280, 'type': 'integer'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'nvme_cdc_address': {'type': 'string'}, 'nvme_cdc_port': {'maximum': 65535, 'minimum': 8009, 'type': 'integer'},
            'nvme_discovery_mode': {'enum': ['Auto_Discovery_CDC', 'Manual_CDC', 'Advertise_DDC', 'Auto_Discovery_Disabled'], 'type': 'string'},
            'nvme_discovery_mode_l10n': {'type': 'string'}, 'prefix_length': {'maximum': 127, 'minimum': 1, 'type': 'integer'},
            'purposes': {'items': {'enum': ['ISCSI', 'NVMe_TCP', 'File_Mobility', 'External_Replication'], 'type': 'string'}, 'type': 'array'},
            'purposes_l10n': {'items': {'type': 'string'}, 'type': 'array'},
            'type': {
                'enum': ['Management', 'Intra_Cluster_Management', 'Intra_Cluster_Data', 'Storage', 'VMotion', 'File_Mobility'], 'type': 'string',
            },
            'type_l10n': {'type': 'string'}, 'vlan_id': {'maximum': 4094, 'minimum': 0, 'type': 'integer'},
        },
    },
    'network_modify': {
        'properties': {
            'add_addresses': {'items': {'type': 'string'}, 'type': 'array'},
            'add_purposes': {'items': {'enum': ['ISCSI', 'NVMe_TCP', 'File_Mobility', 'External_Replication'], 'type': 'string'}, 'type': 'array'},
            'cluster_mgmt_address': {'type': 'string'},
            'esxi_credentials': {'items': {'def': 'network_modify.esxi_credentials[]', 'type': 'object'}, 'type': 'array'},
            'force': {'type': 'boolean'}, 'gateway': {'type': 'string'}, 'mtu': {'maximum': 9000, 'minimum': 1280, 'type': 'integer'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'nvme_cdc_address': {'type': 'string'},
            'nvme_cdc_port': {'maximum': 65535, 'minimum': 8009, 'type': 'integer'},
            'nvme_discovery_mode': {'enum': ['Auto_Discovery_CDC', 'Manual_CDC', 'Advertise_DDC', 'Auto_Discovery_Disabled'], 'type': 'string'},
            'prefix_length': {'maximum': 127, 'minimum': 1, 'type': 'integer'}, 'remove_addresses': {'items': {'type': 'string'}, 'type': 'array'},
            'remove_purposes': {'items': {'enum': ['ISCSI', 'NVMe_TCP', 'File_Mobility', 'External_Replication'], 'type': 'string'}, 'type': 'array'},
            'storage_discovery_address': {'type': 'string'},
            'vasa_provider_credentials': {'def': 'network_modify.vasa_provider_credentials', 'type': 'object'},
            'vlan_id': {'maximum': 4094, 'minimum': 0, 'ref': '#null', 'type': 'integer'},
        },
    },
    'network_modify.esxi_credentials[]': {'properties': {'node_id': {'type': 'string'}, 'password': {'type': 'string'}}},
    'network_modify.vasa_provider_credentials': {'properties': {'password': {'type': 'string'}, 'username': {'type': 'string'}}},
    'network_replace': {
        'properties': {
            'cluster_mgmt_address': {'minLength': 1, 'type': 'string'},
            'dns_addresses': {'items': {'minLength': 1, 'type': 'string'}, 'maxItems': 3, 'minItems': 1, 'type': 'array'},
            'esxi_credentials': {'items': {'def': 'network_replace.esxi_credentials[]', 'type': 'object'}, 'type': 'array'},
            'force': {'type': 'boolean'}, 'gateway': {'type': 'string'},
            'ip_pool_addresses': {'items': {'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'mtu': {'maximum': 9000, 'minimum': 1280, 'type': 'integer'},
            'ntp_addresses': {'items': {'minLength': 1, 'type': 'string'}, 'maxItems': 3, 'minItems': 1, 'type': 'array'},
            'ntp_servers': {'items': {'def': 'ntp_server_create', 'type': 'object'}, 'maxItems': 3, 'type': 'array'},
            'physical_switches': {'items': {'def': 'network_replace_physical_switch', 'type': 'object'}, 'maxItems': 16, 'type': 'array'},
            'prefix_length': {'maximum': 127, 'minimum': 1, 'type': 'integer'},
            'smtp_config': {'def': 'network_replace_smtp_config', 'type': 'object'},
            'vasa_provider_credentials': {'def': 'network_replace.vasa_provider_credentials', 'type': 'object'},
            'vcenter_address': {'minLength': 1, 'type': 'string'}, 'vlan_id': {'maximum': 4094, 'minimum': 0, 'ref': '#null', 'type': 'integer'},
        },
        'required': ['vlan_id', 'gateway', 'prefix_length', 'cluster_mgmt_address', 'mtu', 'ip_pool_addresses', 'dns_addresses'],
    },
    'network_replace.esxi_credentials[]': {'properties': {'node_id': {'type': 'string'}, 'password': {'type': 'string'}}},
    'network_replace.vasa_provider_credentials': {'properties': {'password': {'type': 'string'}, 'username': {'type': 'string'}}},
    'network_replace_physical_switch': {
        'properties': {
            'connections': {'items': {'def': 'network_replace_physical_switch_connection', 'type': 'object'}, 'maxItems': 2, 'type': 'array'},
            'name': {'type': 'string'}, 'purpose': {'enum': ['Data_and_Management', 'Management_Only'], 'type': 'string'},
        },
    },
    'network_replace_physical_switch_connection': {
        'properties': {
            'address': {'type': 'string'}, 'connect_method': {'enum': ['SSH', 'SNMPv2c'], 'type': 'string'},
            'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'}, 'snmp_community_string': {'type': 'string'},
            'ssh_password': {'type': 'string'}, 'username': {'type': 'string'},
        },
        'required': ['address', 'connect_method'],
    },
    'network_replace_smtp_config': {
        'properties': {
            'address': {'type': 'string'}, 'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'}, 'source_email': {'type': 'string'},
        },
        'required': ['address', 'port', 'source_email'],
    },
    'network_scale': {
        'properties': {
            'add_port_ids': {'items': {'ref': 'ip_port', 'type': 'string'}, 'type': 'array'},
            'add_purposes_subset': {
                'items': {'enum': ['ISCSI', 'NVMe_TCP', 'File_Mobility', 'External_Replication'], 'type': 'string'}, 'type': 'array',
            },
            'force': {'type': 'boolean'}, 'remove_port_ids': {'items': {'ref': 'ip_port', 'type': 'string'}, 'type': 'array'},
        },
    },
    'network_scaling_modify': {
        'properties': {
            'add_purposes': {'items': {'enum': ['ISCSI', 'NVMe_TCP', 'File_Mobility', 'External_Replication'], 'type': 'string'}, 'type': 'array'},
            'port_ids': {'items': {'ref': 'ip_port', 'type': 'string'}, 'type': 'array'},
            'remove_purposes': {'items': {'enum': ['ISCSI', 'NVMe_TCP', 'File_Mobility', 'External_Replication'], 'type': 'string'}, 'type': 'array'},
        },
    },
    'nfs_export_create': {
        'properties': {
            'anonymous_GID': {'maximum': 2147483647, 'minimum': -2147483648, 'type': 'integer'},
            'anonymous_UID': {'maximum': 2147483647, 'minimum': -2147483648, 'type': 'integer'},
            'default_access': {'enum': ['No_Access', 'Read_Only', 'Read_Write', 'Root', 'Read_Only_Root'], 'type': 'string'},
            'description': {'maxLength': 511, 'minLength': 0, 'type': 'string'}, 'file_system_id': {'ref': 'file_system', 'type': 'string'},
            'is_no_SUID': {'type': 'boolean'},
            'min_security': {'enum': ['Sys', 'Kerberos', 'Kerberos_With_Integrity', 'Kerberos_With_Encryption'], 'type': 'string'},
            'name': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'nfs_owner_username': {'maxLength': 32, 'minLength': 0, 'type': 'string'},
            'no_access_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'path': {'maxLength': 1023, 'minLength': 1, 'type': 'string'},
            'read_only_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'read_only_root_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'read_write_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'read_write_root_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
        },
        'required': ['name', 'file_system_id', 'path'],
    },
    'nfs_export_instance': {
        'properties': {
            'anonymous_GID': {'maximum': 2147483647, 'minimum': -2147483648, 'type': 'integer'},
            'anonymous_UID': {'maximum': 2147483647, 'minimum': -2147483648, 'type': 'integer'},
            'datastores': {'items': {'def': 'datastore_instance', 'ref': 'datastore', 'type': 'object'}, 'type': 'array'},
            'default_access': {'enum': ['No_Access', 'Read_Only', 'Read_Write', 'Root', 'Read_Only_Root'], 'type': 'string'},
            'default_access_l10n': {'type': 'string'}, 'description': {'type': 'string'},
            'file_system': {'def': 'file_system_instance', 'ref': 'file_system', 'type': 'object'}, 'file_system_id': {'type': 'string'},
            'id': {'type': 'string'}, 'is_no_SUID': {'type': 'boolean'},
            'min_security': {'enum': ['Sys', 'Kerberos', 'Kerberos_With_Integrity', 'Kerberos_With_Encryption'], 'type': 'string'},
            'min_security_l10n': {'type': 'string'}, 'name': {'type': 'string'}, 'nfs_owner_username': {'type': 'string'},
            'no_access_hosts': {'items': {'type': 'string'}, 'type': 'array'}, 'path': {'type': 'string'},
            'read_only_hosts': {'items': {'type': 'string'}, 'type': 'array'}, 'read_only_root_hosts': {'items': {'type': 'string'}, 'type': 'array'},
            'read_write_hosts': {'items': {'type': 'string'}, 'type': 'array'},
            'read_write_root_hosts': {'items': {'type': 'string'}, 'type': 'array'},
        },
    },
    'nfs_export_modify': {
        'properties': {
            'add_no_access_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'add_read_only_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'add_read_only_root_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'add_read_write_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'add_read_write_root_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'anonymous_GID': {'maximum': 2147483647, 'minimum': -2147483648, 'type': 'integer'},
            'anonymous_UID': {'maximum': 2147483647, 'minimum': -2147483648, 'type': 'integer'},
            'default_access': {'enum': ['No_Access', 'Read_Only', 'Read_Write', 'Root', 'Read_Only_Root'], 'type': 'string'},
            'description': {'maxLength': 511, 'minLength': 0, 'type': 'string'}, 'is_no_SUID': {'type': 'boolean'},
            'min_security': {'enum': ['Sys', 'Kerberos', 'Kerberos_With_Integrity', 'Kerberos_With_Encryption'], 'type': 'string'},
            'nfs_owner_username': {'maxLength': 32, 'minLength': 0, 'type': 'string'},
            'no_access_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'read_only_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'read_only_root_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'read_write_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'read_write_root_hosts': {'items': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'type': 'array'},
            'remove_no_access_hosts': {'items': {'type': 'string'}, 'type': 'array'},
            'remove_read_only_hosts': {'items': {'type': 'string'}, 'type': 'array'},
            'remove_read_only_root_hosts': {'items': {'type': 'string'}, 'type': 'array'},
            'remove_read_write_hosts': {'items': {'type': 'string'}, 'type': 'array'},
            'remove_read_write_root_hosts': {'items': {'type': 'string'}, 'type': 'array'},
        },
    },
    'nfs_server_create': {
        'properties': {
            'credentials_cache_TTL': {'maximum': 35791394, 'minimum': 1, 'type': 'integer'},
            'host_name': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'is_extended_credentials_enabled': {'type': 'boolean'},
            'is_nfsv3_enabled': {'type': 'boolean'}, 'is_nfsv4_enabled': {'type': 'boolean'}, 'is_secure_enabled': {'type': 'boolean'},
            'is_use_smb_config_enabled': {'type': 'boolean'}, 'nas_server_id': {'ref': 'nas_server', 'type': 'string'},
        },
        'required': ['nas_server_id'],
    },
    'nfs_server_delete': {'properties': {'is_skip_unjoin': {'type': 'boolean'}}},
    'nfs_server_instance': {
        'properties': {
            'credentials_cache_TTL': {'maximum': 35791394, 'minimum': 1, 'type': 'integer'}, 'host_name': {'type': 'string'},
            'id': {'type': 'string'}, 'is_extended_credentials_enabled': {'type': 'boolean'}, 'is_joined': {'type': 'boolean'},
            'is_nfsv3_enabled': {'type': 'boolean'}, 'is_nfsv4_enabled': {'type': 'boolean'}, 'is_secure_enabled': {'type': 'boolean'},
            'is_use_smb_config_enabled': {'type': 'boolean'}, 'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'},
            'nas_server_id': {'type': 'string'}, 'service_principal_name': {'type': 'string'},
        },
    },
    'nfs_server_join': {
        'properties': {'domain_password': {'type': 'string'}, 'domain_user_name': {'type': 'string'}},
        'required': ['domain_user_name', 'domain_password'],
    },
    'nfs_server_modify': {
        'properties': {
            'credentials_cache_TTL': {'maximum': 35791394, 'minimum': 1, 'type': 'integer'},
            'host_name': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'is_extended_credentials_enabled': {'type': 'boolean'},
            'is_nfsv3_enabled': {'type': 'boolean'}, 'is_nfsv4_enabled': {'type': 'boolean'}, 'is_secure_enabled': {'type': 'boolean'},
            'is_skip_unjoin': {'type': 'boolean'}, 'is_use_smb_config_enabled': {'type': 'boolean'},
        },
    },
    'nfs_server_unjoin': {
        'properties': {'domain_password': {'type': 'string'}, 'domain_user_name': {'type': 'string'}},
        'required': ['domain_user_name', 'domain_password'],
    },
    'node_instance': {
        'properties': {
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'appliance_id': {'type': 'string'},
            'id': {'type': 'string'},
            'ip_pool_addresses': {'items': {'def': 'ip_pool_address_instance', 'ref': 'ip_pool_address', 'type': 'object'}, 'type': 'array'},
            'slot': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'veth_ports': {'items': {'def': 'veth_port_instance', 'ref': 'veth_port', 'type': 'object'}, 'type': 'array'},
        },
    },
    'ntp_instance': {'properties': {'addresses': {'items': {'type': 'string'}, 'type': 'array'}, 'id': {'type': 'string'}}},
    'ntp_modify': {
        'properties': {'addresses': {'items': {'type': 'string'}, 'maxItems': 3, 'minItems': 1, 'type': 'array'}}, 'required': ['addresses'],
    },
    'ntp_server_create': {
        'properties': {
            'address': {'type': 'string'}, 'authentication_key': {'maxLength': 64, 'minLength': 16, 'type': 'string'},
            'hash_function': {'enum': ['MD5', 'SHA1', 'SHA256'], 'type': 'string'},
            'key_id': {'maximum': 32767, 'minimum': 1, 'ref': 'ntp_server', 'type': 'integer'},
        },
        'required': ['address'],
    },
    'ntp_server_instance': {
        'properties': {
            'address': {'type': 'string'}, 'hash_function': {'enum': ['MD5', 'SHA1', 'SHA256'], 'type': 'string'}, 'id': {'type': 'string'},
            'key_id': {'maximum': 32767, 'minimum': 0, 'type': 'integer'},
        },
    },
    'ntp_server_modify': {
        'properties': {
            'address': {'type': 'string'}, 'authentication_key': {'maxLength': 64, 'minLength': 16, 'type': 'string'},
            'hash_function': {'enum': ['MD5', 'SHA1', 'SHA256'], 'type': 'string'},
            'key_id': {'maximum': 32767, 'minimum': 1, 'nullable': True, 'ref': 'ntp_server', 'type': 'integer'},
        },
    },
    'nvme_discovered_cdc_instance': {
        'properties': {
            'id': {'type': 'string'}, 'ip_pool_address': {'def': 'ip_pool_address_instance', 'ref': 'ip_pool_address', 'type': 'object'},
            'ip_pool_address_id': {'type': 'string'}, 'nvme_cdc_address': {'type': 'string'},
            'nvme_cdc_connection_state': {'enum': ['Uninitialized', 'Kickstarting', 'Pending', 'Established'], 'type': 'string'},
            'nvme_cdc_connection_state_l10n': {'type': 'string'}, 'nvme_cdc_nqn': {'type': 'string'},
            'nvme_cdc_port': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
        },
    },
    'performance_rule_instance': {
        'properties': {
            'id': {'type': 'string'}, 'io_priority': {'enum': ['Low', 'Medium', 'High'], 'type': 'string'}, 'io_priority_l10n': {'type': 'string'},
            'name': {'type': 'string'}, 'policies': {'items': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'type': 'array'},
        },
    },
    'physical_switch_connection_create': {
        'properties': {
            'address': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'connect_method': {'enum': ['SSH', 'SNMPv2c'], 'type': 'string'},
            'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'}, 'snmp_community_string': {'maxLength': 128, 'type': 'string'},
            'ssh_password': {'maxLength': 128, 'type': 'string'}, 'username': {'maxLength': 128, 'type': 'string'},
        },
        'required': ['address', 'connect_method'],
    },
    'physical_switch_connection_instance': {
        'properties': {
            'address': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'connect_method': {'enum': ['SSH', 'SNMPv2c'], 'type': 'string'},
            'connect_method_l10n': {'type': 'string'},
            'physical_switch': {'def': 'physical_switch_instance', 'ref': 'physical_switch', 'type': 'object'},
            'physical_switch_id': {'maxLength': 128, 'type': 'string'}, 'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'username': {'maxLength': 128, 'type': 'string'},
        },
    },
    'physical_switch_connection_modify': {
        'properties': {
            'address': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'connect_method': {'enum': ['SSH', 'SNMPv2c'], 'type': 'string'},
            'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'}, 'snmp_community_string': {'maxLength': 128, 'type': 'string'},
            'ssh_password': {'maxLength': 128, 'type': 'string'}, 'username': {'maxLength': 128, 'type': 'string'},
        },
        'required': ['address', 'connect_method'],
    },
    'physical_switch_create': {
        'properties': {
            'connections': {'items': {'def': 'physical_switch_connection_create', 'type': 'object'}, 'minItems': 1, 'type': 'array'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'purpose': {'enum': ['Data_and_Management', 'Management_Only'], 'type': 'string'},
        },
        'required': ['name', 'purpose', 'connections'],
    },
    'physical_switch_instance': {
        'properties': {
            'connections': {
                'items': {'def': 'physical_switch_connection_instance', 'ref': 'physical_switch_connection', 'type': 'object'}, 'type': 'array',
            },
            'id': {'maxLength': 32, 'minLength': 1, 'type': 'string'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'purpose': {'enum': ['Data_and_Management', 'Management_Only'], 'type': 'string'}, 'purpose_l10n': {'type': 'string'},
        },
    },
    'physical_switch_modify': {
        'properties': {
            'connections': {'items': {'def': 'physical_switch_connection_modify', 'type': 'object'}, 'type': 'array'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'purpose': {'enum': ['Data_and_Management', 'Management_Only'], 'type': 'string'},
        },
    },
    'policy_clone': {'properties': {'force': {'type': 'boolean'}, 'name': {'type': 'string'}}, 'required': ['name']},
    'policy_create': {
        'properties': {
            'description': {'type': 'string'}, 'file_io_limit_rule_id': {'ref': 'file_io_limit_rule', 'type': 'string'},
            'io_limit_rule_id': {'ref': 'io_limit_rule', 'type': 'string'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'replication_rule_ids': {'items': {'ref': 'replication_rule', 'type': 'string'}, 'type': 'array'},
            'snapshot_rule_ids': {'items': {'ref': 'snapshot_rule', 'type': 'string'}, 'type': 'array'},
        },
        'required': ['name'],
    },
    'policy_instance': {
        'properties': {
            'description': {'type': 'string'},
            'file_io_limit_rule': {'def': 'file_io_limit_rule_instance', 'ref': 'file_io_limit_rule', 'type': 'object'},
            'file_io_limit_rule_id': {'type': 'string'},
            'file_systems': {'items': {'def': 'file_system_instance', 'ref': 'file_system', 'type': 'object'}, 'type': 'array'},
            'file_systems_with_qos': {'items': {'def': 'file_system_instance', 'ref': 'file_system', 'type': 'object'}, 'type': 'array'},
            'id': {'type': 'string'}, 'io_limit_rule': {'def': 'io_limit_rule_instance', 'ref': 'io_limit_rule', 'type': 'object'},
            'is_read_only': {'type': 'boolean'}, 'is_replica': {'type': 'boolean'},
            'managed_by': {'enum': ['User', 'Metro', 'Replication', 'VMware_vSphere'], 'type': 'string'}, 'managed_by_id': {'type': 'string'},
            'managed_by_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'nas_servers': {'items': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'type': 'array'},
            'nas_servers_with_qos': {'items': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'type': 'array'},
            'performance_rules': {'items': {'def': 'performance_rule_instance', 'ref': 'performance_rule', 'type': 'object'}, 'type': 'array'},
            'qos_volume_groups': {'items': {'def': 'volume_group_instance', 'ref': 'volume_group', 'type': 'object'}, 'type': 'array'},
            'qos_volumes': {'items': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'}, 'type': 'array'},
            'replication_groups': {'items': {'def': 'replication_group_instance', 'ref': 'replication_group', 'type': 'object'}, 'type': 'array'},
            'replication_rules': {'items': {'def': 'replication_rule_instance', 'ref': 'replication_rule', 'type': 'object'}, 'type': 'array'},
            'snapshot_rules': {'items': {'def': 'snapshot_rule_instance', 'ref': 'snapshot_rule', 'type': 'object'}, 'type': 'array'},
            'type': {'enum': ['Protection', 'Performance', 'QoS', 'File_Performance'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
            'virtual_machines': {'items': {'def': 'virtual_machine_instance', 'ref': 'virtual_machine', 'type': 'object'}, 'type': 'array'},
            'virtual_volumes': {'items': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'type': 'array'},
            'volume_groups': {'items': {'def': 'volume_group_instance', 'ref': 'volume_group', 'type': 'object'}, 'type': 'array'},
            'volumes': {'items': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'}, 'type': 'array'},
        },
    },
    'policy_modify': {
        'properties': {
            'add_replication_rule_ids': {'items': {'ref': 'replication_rule', 'type': 'string'}, 'type': 'array'},
            'add_snapshot_rule_ids': {'items': {'ref': 'snapshot_rule', 'type': 'string'}, 'type': 'array'}, 'description': {'type': 'string'},
            'file_io_limit_rule_id': {'ref': 'file_io_limit_rule', 'type': 'string'}, 'io_limit_rule_id': {'ref': 'io_limit_rule', 'type': 'string'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'remove_replication_rule_ids': {'items': {'ref': 'replication_rule', 'type': 'string'}, 'type': 'array'},
            'remove_snapshot_rule_ids': {'items': {'ref': 'snapshot_rule', 'type': 'string'}, 'type': 'array'},
            'replication_rule_ids': {'items': {'ref': 'replication_rule', 'type': 'string'}, 'type': 'array'},
            'snapshot_rule_ids': {'items': {'ref': 'snapshot_rule', 'type': 'string'}, 'type': 'array'},
        },
    },
    'powerstore_data_network_group': {
        'properties': {
            'id': {'type': 'string'}, 'local_powerstore_networks': {'items': {'def': 'powerstore_network_info', 'type': 'object'}, 'type': 'array'},
            'name': {'maxLength': 100, 'type': 'string'},
            'remote_powerstore_networks': {'items': {'def': 'powerstore_network_info', 'type': 'object'}, 'type': 'array'},
        },
    },
    'powerstore_network_info': {
        'properties': {
            'gateway': {'type': 'string'}, 'id': {'type': 'string'}, 'mtu': {'maximum': 9000, 'minimum': 1280, 'type': 'integer'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'prefix_length': {'maximum': 127, 'minimum': 1, 'type': 'integer'},
            'vlan_id': {'maximum': 4094, 'minimum': 0, 'type': 'integer'},
        },
    },
    'ppdd_storage_unit_details_create': {
        'properties': {
            'dd_boost_address': {'type': 'string'}, 'dd_boost_password': {'type': 'string'}, 'dd_boost_username': {'type': 'string'},
            'is_data_encryption_enabled': {'type': 'boolean'}, 'storage_unit_name': {'maxLength': 256, 'type': 'string'},
        },
        'required': ['dd_boost_address', 'storage_unit_name', 'dd_boost_username', 'dd_boost_password'],
    },
    'ppdd_storage_unit_details_instance': {
        'properties': {
            'dd_boost_address': {'type': 'string'}, 'dd_boost_username': {'type': 'string'}, 'is_data_encryption_enabled': {'type': 'boolean'},
            'storage_unit_name': {'type': 'string'},
        },
    },
    'ppdd_storage_unit_details_modify': {
        'properties': {
            'dd_boost_address': {'type': 'string'}, 'dd_boost_password': {'type': 'string'}, 'dd_boost_username': {'type': 'string'},
            'is_data_encryption_enabled': {'type': 'boolean'},
        },
    },
    'protection_data_instance': {
        'properties': {
            'copy_signature': {'type': 'string'}, 'created_by_rule_id': {'type': 'string'}, 'created_by_rule_name': {'type': 'string'},
            'creator_type': {'enum': ['User', 'System', 'Scheduler', 'External'], 'type': 'string'}, 'creator_type_l10n': {'type': 'string'},
            'expiration_timestamp': {'type': 'string'}, 'family_id': {'type': 'string'}, 'is_app_consistent': {'type': 'boolean'},
            'is_secure': {'type': 'boolean'}, 'parent_id': {'type': 'string'}, 'source_id': {'type': 'string'},
            'source_timestamp': {'type': 'string'},
        },
    },
    'recycle_bin_config_instance': {
        'properties': {'expiration_duration': {'maximum': 30, 'minimum': 0, 'type': 'integer'}, 'id': {'type': 'string'}},
    },
    'recycle_bin_config_modify': {'properties': {'expiration_duration': {'maximum': 30, 'minimum': 0, 'type': 'integer'}}},
    'recycle_bin_instance': {
        'properties': {
            'appliance_id': {'type': 'string'}, 'deletion_timestamp': {'type': 'string'}, 'expiration_timestamp': {'type': 'string'},
            'id': {'type': 'string'}, 'logical_provisioned': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'logical_used': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'name': {'maxLength': 128, 'type': 'string'},
            'resource_type': {'enum': ['volume', 'volume_group'], 'type': 'string'}, 'resource_type_l10n': {'type': 'string'},
        },
    },
    'recycle_bin_recover': {'properties': {}},
    'remote_appliance_details': {'properties': {'appliance_id': {'type': 'string'}, 'appliance_serial': {'type': 'string'}}},
    'remote_member_details_instance': {
        'properties': {
            'is_source_in_recycle_bin': {'type': 'boolean'}, 'remote_identifier': {'type': 'string'}, 'snapshot_name': {'type': 'string'},
            'snapshot_size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'volume_id': {'type': 'string'},
        },
    },
    'remote_snapshot_instance': {
        'properties': {
            'creation_timestamp': {'type': 'string'}, 'creator_type': {'enum': ['PowerProtect_DD', 'Power_Store'], 'type': 'string'},
            'creator_type_l10n': {'type': 'string'}, 'expiration_timestamp': {'type': 'string'}, 'id': {'type': 'string'},
            'is_source_in_recycle_bin': {'type': 'boolean'}, 'name': {'type': 'string'}, 'remote_backup_identifier': {'type': 'string'},
            'remote_member_details': {'items': {'def': 'remote_member_details_instance', 'type': 'object'}, 'type': 'array'},
            'remote_snapshots': {
                'items': {'def': 'remote_snapshot_session_instance', 'ref': 'remote_snapshot_session', 'type': 'object'}, 'type': 'array',
            },
            'remote_system': {'def': 'remote_system_instance', 'ref': 'remote_system', 'type': 'object'}, 'remote_system_id': {'type': 'string'},
            'resource_type': {'enum': ['volume', 'volume_group'], 'type': 'string'}, 'resource_type_l10n': {'type': 'string'},
            'source_id': {'type': 'string'}, 'source_name': {'type': 'string'}, 'state': {'enum': ['Protected', 'Deleting'], 'type': 'string'},
            'state_l10n': {'type': 'string'}, 'volume': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'},
            'volume_group': {'def': 'volume_group_instance', 'ref': 'volume_group', 'type': 'object'}, 'volume_group_id': {'type': 'string'},
            'volume_id': {'type': 'string'},
        },
    },
    'remote_snapshot_session_instance': {
        'properties': {
            'average_transfer_rate': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'creator_type': {'enum': ['PowerProtect_DD', 'Power_Store'], 'type': 'string'}, 'creator_type_l10n': {'type': 'string'},
            'current_transfer_rate': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'end_timestamp': {'type': 'string'},
            'error': {'def': 'error_instance', 'type': 'object'}, 'estimated_completion_timestamp': {'type': 'string'}, 'id': {'type': 'string'},
            'last_backup_timestamp': {'type': 'string'},
            'local_volume_group_snapshot': {'def': 'volume_group_instance', 'ref': 'volume_group', 'type': 'object'},
            'local_volume_group_snapshot_id': {'type': 'string'},
            'local_volume_snapshot': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'}, 'local_volume_snapshot_id': {'type': 'string'},
            'member_details': {'items': {'def': 'member_details_instance', 'type': 'object'}, 'type': 'array'}, 'name': {'type': 'string'},
            'progress_percentage': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'remote_backup_identifier': {'type': 'string'},
            'remote_session_id': {'type': 'string'},
            'remote_snapshot': {'def': 'remote_snapshot_instance', 'ref': 'remote_snapshot', 'type': 'object'},
            'remote_snapshot_id': {'type': 'string'}, 'remote_system': {'def': 'remote_system_instance', 'ref': 'remote_system', 'type': 'object'},
            'remote_system_id': {'type': 'string'}, 'resource_type': {'enum': ['volume', 'volume_group'], 'type': 'string'},
            'resource_type_l10n': {'type': 'string'}, 'rule': {'def': 'snapshot_rule_instance', 'ref': 'snapshot_rule', 'type': 'object'},
            'rule_id': {'type': 'string'}, 'session_type': {'enum': ['Backup', 'Retrieve', 'Instant_Access'], 'type': 'string'},
            'session_type_l10n': {'type': 'string'}, 'start_timestamp': {'type': 'string'},
            'state': {
                'enum': [
                    'Initializing', 'Idle', 'Prepare', 'In_Progress', 'IO_Forwarding', 'Completed', 'Failed', 'Cancelling', 'Cancelled', 'Deleting',
                    'System_Paused', 'Paused', 'Rollback_In_Progress', 'Failed_Cleanup_Required', 'Cancel_Cleanup_Required', 'Cleanup_Required',
                    'Cleanup_In_Progress',
                ],
                'type': 'string',
            },
            'state_l10n': {'type': 'string'}, 'volume': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'},
            'volume_group': {'def': 'volume_group_instance', 'ref': 'volume_group', 'type': 'object'}, 'volume_group_id': {'type': 'string'},
            'volume_id': {'type': 'string'},
        },
    },
    'remote_support_contact_instance': {
        'properties': {
            'email': {'maxLength': 256, 'type': 'string'}, 'first_name': {'maxLength': 128, 'type': 'string'},
            'id': {'maxLength': 32, 'type': 'string'}, 'last_name': {'maxLength': 128, 'type': 'string'},
            'phone': {'maxLength': 64, 'type': 'string'},
        },
    },
    'remote_support_contact_modify': {
        'properties': {
            'email': {'maxLength': 256, 'type': 'string'}, 'first_name': {'maxLength': 128, 'type': 'string'},
            'last_name': {'maxLength': 128, 'type': 'string'}, 'phone': {'maxLength': 64, 'type': 'string'},
        },
    },
    'remote_support_instance': {
        'properties': {
            'classification_choice': {'enum': ['Latest', 'Target'], 'type': 'string'}, 'classification_choice_l10n': {'type': 'string'},
            'connectivity_status': {
                'enum': ['Unavailable', 'Not_Connected', 'Reconnecting', 'Evaluating', 'Disabled', 'Good', 'Fair', 'Poor'], 'type': 'string',
            },
            'connectivity_status_l10n': {'type': 'string'}, 'id': {'type': 'string'}, 'is_cloudiq_enabled': {'type': 'boolean'},
            'is_icw_configured': {'type': 'boolean'}, 'is_observability_enabled': {'type': 'boolean'}, 'is_rsc_enabled': {'type': 'boolean'},
            'is_software_autodownload_enabled': {'type': 'boolean'}, 'is_support_assist_license_accepted': {'type': 'boolean'},
            'last_update': {'type': 'string'}, 'policy_manager_address': {'type': 'string'},
            'policy_manager_port': {'maximum': 65635, 'minimum': 0, 'type': 'integer'}, 'proxy_address': {'type': 'string'},
            'proxy_port': {'maximum': 65635, 'minimum': 0, 'type': 'integer'}, 'proxy_username': {'type': 'string'},
            'remote_support_servers': {
                'items': {'def': 'remote_support_server_instance', 'type': 'object'}, 'maxItems': 2, 'minItems': 2, 'type': 'array',
            },
            'support_assist_license_agreement_text': {'type': 'string'},
            'type': {
                'enum': ['SRS_Gateway', 'SRS_Gateway_Tier2', 'SRS_Gateway_Tier3', 'SRS_Integrated_Tier2', 'SRS_Integrated_Tier3', 'Disabled'],
                'type': 'string',
            },
            'type_l10n': {'type': 'string'},
        },
    },
    'remote_support_modify': {
        'properties': {
            'classification_choice': {'enum': ['Latest', 'Target'], 'type': 'string'}, 'is_cloudiq_enabled': {'type': 'boolean'},
            'is_observability_enabled': {'type': 'boolean'}, 'is_rsc_enabled': {'type': 'boolean'},
            'is_software_autodownload_enabled': {'type': 'boolean'}, 'is_support_assist_license_accepted': {'type': 'boolean'},
            'proxy_address': {'nullable': True, 'type': 'string'}, 'proxy_password': {'nullable': True, 'type': 'string'},
            'proxy_port': {'maximum': 65635, 'minimum': 0, 'nullable': True, 'type': 'integer'},
            'proxy_username': {'nullable': True, 'type': 'string'},
            'remote_support_servers': {'items': {'def': 'remote_support_server_modify', 'type': 'object'}, 'maxItems': 2, 'type': 'array'},
            'type': {
                'enum': ['SRS_Gateway', 'SRS_Gateway_Tier2', 'SRS_Gateway_Tier3', 'SRS_Integrated_Tier2', 'SRS_Integrated_Tier3', 'Disabled'],
                'type': 'string',
            },
        },
    },
    'remote_support_server_instance': {
        'properties': {
            'address': {'type': 'string'},
            'connectivity_status': {'items': {'def': 'remote_support_servers_appliance_status_instance', 'type': 'object'}, 'type': 'array'},
            'id': {'type': 'string'}, 'is_primary': {'type': 'boolean'}, 'port': {'maximum': 65635, 'minimum': 0, 'type': 'integer'},
            'remote_support_id': {'type': 'string'},
        },
    },
    'remote_support_server_modify': {
        'properties': {'address': {'type': 'string'}, 'is_primary': {'type': 'boolean'}, 'port': {'maximum': 65635, 'minimum': 0, 'type': 'integer'}},
        'required': ['is_primary'],
    },
    'remote_support_servers_appliance_status_instance': {
        'properties': {
            'appliance_id': {'type': 'string'},
            'connectivity_status': {
                'enum': ['Unavailable', 'Not_Connected', 'Reconnecting', 'Evaluating', 'Disabled', 'Good', 'Fair', 'Poor'], 'type': 'string',
            },
            'connectivity_status_l10n': {'type': 'string'}, 'connectivity_status_priority': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'connectivity_status_value': {'type': 'number'}, 'id': {'type': 'string'}, 'last_update': {'type': 'string'},
            'remote_support_servers_id': {'type': 'string'},
        },
    },
    'remote_support_verify': {
        'properties': {
            'address': {'type': 'string'}, 'port': {'maximum': 65635, 'minimum': 0, 'type': 'integer'},
            'type': {
                'enum': ['SRS_Gateway', 'SRS_Gateway_Tier2', 'SRS_Gateway_Tier3', 'SRS_Integrated_Tier2', 'SRS_Integrated_Tier3', 'Disabled'],
                'type': 'string',
            },
        },
    },
    'remote_syslog_server_create': {
        'properties': {
            'audit_types': {
                'items': {'enum': ['Authentication', 'Authorization', 'Config', 'System', 'Logout', 'AIDE', 'Service'], 'type': 'string'},
                'maxItems': 7, 'minItems': 0, 'type': 'array',
            },
            'encryption': {'enum': ['TLS', 'None'], 'type': 'string'}, 'is_alert_events_included': {'type': 'boolean'},
            'is_enabled': {'type': 'boolean'}, 'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'protocol_type': {'enum': ['TCP', 'UDP'], 'type': 'string'}, 'remote_server_address': {'type': 'string'},
        },
        'required': ['remote_server_address', 'port', 'protocol_type'],
    },
    'remote_syslog_server_instance': {
        'properties': {
            'audit_types': {
                'items': {'enum': ['Authentication', 'Authorization', 'Config', 'System', 'Logout', 'AIDE', 'Service'], 'type': 'string'},
                'maxItems': 7, 'minItems': 0, 'type': 'array',
            },
            'audit_types_l10n': {'items': {'type': 'string'}, 'type': 'array'}, 'encryption': {'enum': ['TLS', 'None'], 'type': 'string'},
            'encryption_l10n': {'type': 'string'}, 'id': {'type': 'string'}, 'is_alert_events_included': {'type': 'boolean'},
            'is_enabled': {'type': 'boolean'}, 'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'protocol_type': {'enum': ['TCP', 'UDP'], 'type': 'string'}, 'protocol_type_l10n': {'type': 'string'},
            'remote_server_address': {'type': 'string'}, 'status': {'enum': ['Connected', 'Not_Connected'], 'type': 'string'},
            'status_l10n': {'type': 'string'},
        },
    },
    'remote_syslog_server_modify': {
        'properties': {
            'audit_types': {
                'items': {'enum': ['Authentication', 'Authorization', 'Config', 'System', 'Logout', 'AIDE', 'Service'], 'type': 'string'},
                'maxItems': 7, 'minItems': 0, 'nullable': True, 'type': 'array',
            },
            'encryption': {'enum': ['TLS', 'None'], 'type': 'string'}, 'is_alert_events_included': {'type': 'boolean'},
            'is_enabled': {'type': 'boolean'}, 'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'protocol_type': {'enum': ['TCP', 'UDP'], 'type': 'string'}, 'remote_server_address': {'type': 'string'},
        },
    },
    'remote_syslog_server_test': {'properties': {'message': {'maxLength': 256, 'type': 'string'}}},
    'remote_system_create': {
        'properties': {
            'data_connection_type': {'enum': ['iSCSI', 'TCP', 'FC', 'DD_Boost'], 'type': 'string'},
            'data_network_latency': {'enum': ['Low', 'Low_Medium', 'Medium', 'Medium_High', 'High'], 'type': 'string'},
            'description': {'maxLength': 256, 'type': 'string'}, 'discovery_chap_mode': {'enum': ['Disabled', 'Single', 'Mutual'], 'type': 'string'},
            'file_connection_address': {'type': 'string'}, 'import_chap_info': {'def': 'chap_credentials_instance', 'type': 'object'},
            'iscsi_addresses': {'items': {'type': 'string'}, 'type': 'array'}, 'management_address': {'type': 'string'},
            'management_port': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'name': {'maxLength': 256, 'type': 'string'},
            'ppdd_storage_unit_details': {'def': 'ppdd_storage_unit_details_create', 'type': 'object'}, 'remote_password': {'type': 'string'},
            'remote_username': {'type': 'string'}, 'session_chap_mode': {'enum': ['Disabled', 'Single', 'Mutual'], 'type': 'string'},
            'type': {
                'enum': [
                    'PowerStore', 'Unity', 'VNX', 'PS_Equallogic', 'Storage_Center', 'XtremIO', 'NetApp', 'PowerProtect_DD', 'PowerMax_VMAX',
                    'Universal',
                ],
                'type': 'string',
            },
            'unity_file_details': {'def': 'unity_file_details_create', 'type': 'object'},
            'universal_details': {'def': 'remote_system_create.universal_details', 'type': 'object'}, 'vnx_file_password': {'type': 'string'},
            'vnx_file_username': {'type': 'string'},
        },
    },
    'remote_system_create.universal_details': {
        'properties': {'fc_targets': {'items': {'def': 'fc_target_instance', 'type': 'object'}, 'maxItems': 2, 'minItems': 1, 'type': 'array'}},
    },
    'remote_system_delete': {'properties': {}},
    'remote_system_instance': {
        'properties': {
            'appliance_details': {'items': {'def': 'remote_appliance_details', 'type': 'object'}, 'type': 'array'},
            'capabilities': {
                'items': {
                    'enum': [
                        'Asynchronous_Block_Replication', 'Asynchronous_File_Replication', 'Asynchronous_Vvol_Replication', 'Block_Agentless_Import',
                        'Block_Metro_Active_Active', 'Block_Nondisruptive_Import', 'File_Import', 'Remote_Backup', 'Synchronous_Block_Replication',
                        'Synchronous_File_Replication',
                    ],
                    'type': 'string',
                },
                'type': 'array',
            },
            'capabilities_l10n': {'items': {'type': 'string'}, 'type': 'array'},
            'data_connection_state': {
                'enum': [
                    'OK', 'Partial_Data_Connection_Loss', 'Complete_Data_Connection_Loss', 'Status_Not_Available', 'No_Targets_Discovered',
                    'Initializing', 'Data_Connection_Unstable',
                ],
                'type': 'string',
            },
            'data_connection_state_l10n': {'type': 'string'}, 'data_connection_type': {'enum': ['iSCSI', 'TCP', 'FC', 'DD_Boost'], 'type': 'string'},
            'data_connection_type_l10n': {'type': 'string'},
            'data_connections': {'items': {'def': 'data_connection_instance', 'type': 'object'}, 'type': 'array'},
            'data_network_latency': {'enum': ['Low', 'Low_Medium', 'Medium', 'Medium_High', 'High'], 'type': 'string'},
            'data_network_latency_l10n': {'type': 'string'}, 'description': {'type': 'string'},
            'discovery_chap_mode': {'enum': ['Disabled', 'Single', 'Mutual'], 'type': 'string'}, 'discovery_chap_mode_l10n': {'type': 'string'},
            'fc_target_wwns': {'items': {'type': 'string'}, 'type': 'array'}, 'file_connection_address': {'type': 'string'},
            'file_connection_state': {'enum': ['OK', 'Update_Needed', 'Not_OK', 'Status_Unknown'], 'type': 'string'},
            'file_connection_state_l10n': {'type': 'string'}, 'id': {'type': 'string'},
            'import_sessions': {'items': {'def': 'import_session_instance', 'ref': 'import_session', 'type': 'object'}, 'type': 'array'},
            'import_universal_consistency_group': {
                'items': {'def': 'import_universal_consistency_group_instance', 'ref': 'import_universal_consistency_group', 'type': 'object'},
                'type': 'array',
            },
            'import_universal_volumes': {
                'items': {'def': 'import_universal_volume_instance', 'ref': 'import_universal_volume', 'type': 'object'}, 'type': 'array',
            },
            'iscsi_addresses': {'items': {'type': 'string'}, 'type': 'array'}, 'management_address': {'type': 'string'},
            'management_port': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'name': {'type': 'string'},
            'powerstore_data_network_configuration': {'items': {'def': 'powerstore_data_network_group', 'type': 'object'}, 'type': 'array'},
            'ppdd_storage_unit_details': {'def': 'ppdd_storage_unit_details_instance', 'type': 'object'},
            'remote_snapshot_sessions': {
                'items': {'def': 'remote_snapshot_session_instance', 'ref': 'remote_snapshot_session', 'type': 'object'}, 'type': 'array',
            },
            'remote_snapshots': {'items': {'def': 'remote_snapshot_instance', 'ref': 'remote_snapshot', 'type': 'object'}, 'type': 'array'},
            'replication_rules': {'items': {'def': 'replication_rule_instance', 'ref': 'replication_rule', 'type': 'object'}, 'type': 'array'},
            'replication_sessions': {
                'items': {'def': 'replication_session_instance', 'ref': 'replication_session', 'type': 'object'}, 'type': 'array',
            },
            'serial_number': {'type': 'string'}, 'session_chap_mode': {'enum': ['Disabled', 'Single', 'Mutual'], 'type': 'string'},
            'session_chap_mode_l10n': {'type': 'string'},
            'snapshot_rules': {'items': {'def': 'snapshot_rule_instance', 'ref': 'snapshot_rule', 'type': 'object'}, 'type': 'array'},
            'state': {'enum': ['OK', 'Update_Needed', 'Management_Connection_Lost', 'Partial_Delete'], 'type': 'string'},
            'state_l10n': {'type': 'string'},
            'storage_container_destinations': {
                'items': {'def': 'storage_container_destination_instance', 'ref': 'storage_container_destination', 'type': 'object'}, 'type': 'array',
            },
            'type': {
                'enum': [
                    'PowerStore', 'Unity', 'VNX', 'PS_Equallogic', 'Storage_Center', 'XtremIO', 'NetApp', 'PowerProtect_DD', 'PowerMax_VMAX',
                    'Universal',
                ],
                'type': 'string',
            },
            'type_l10n': {'type': 'string'}, 'unity_file_details': {'def': 'unity_file_details_instance', 'type': 'object'},
            'user_name': {'type': 'string'}, 'version': {'type': 'string'}, 'vnx_file_username': {'type': 'string'},
        },
    },
    'remote_system_modify': {
        'properties': {
            'add_powerstore_data_network_groups': {'items': {'def': 'powerstore_data_network_group', 'type': 'object'}, 'type': 'array'},
            'data_network_latency': {'enum': ['Low', 'Low_Medium', 'Medium', 'Medium_High', 'High'], 'type': 'string'},
            'description': {'maxLength': 256, 'type': 'string'}, 'file_connection_address': {'type': 'string'},
            'management_address': {'type': 'string'}, 'management_port': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'modify_powerstore_data_network_groups': {'items': {'def': 'powerstore_data_network_group', 'type': 'object'}, 'type': 'array'},
            'name': {'maxLength': 128, 'type': 'string'}, 'ppdd_storage_unit_details': {'def': 'ppdd_storage_unit_details_modify', 'type': 'object'},
            'remote_password': {'type': 'string'}, 'remote_username': {'type': 'string'},
            'remove_powerstore_data_network_group_ids': {'items': {'ref': '#null', 'type': 'string'}, 'type': 'array'},
            'unity_file_details': {'def': 'unity_file_details_modify', 'type': 'object'}, 'vnx_file_password': {'type': 'string'},
            'vnx_file_username': {'type': 'string'},
        },
    },
    'remote_system_query_available_powerstore_networks': {'properties': {}},
    'remote_system_verify': {'properties': {'update_transport': {'type': 'boolean'}}},
    'replication_element_pair': {
        'properties': {
            'local_storage_element_id': {'type': 'string'}, 'remote_storage_element_id': {'type': 'string'},
            'replication_shadow_id': {'type': 'string'},
            'storage_element_type': {'enum': ['volume', 'virtual_volume', 'file_system'], 'type': 'string'},
        },
        'required': ['local_storage_element_id', 'remote_storage_element_id'],
    },
    'replication_group_delete': {
        'properties': {'delete_members': {'type': 'boolean'}, 'delete_session': {'type': 'boolean'}, 'unassign_members': {'type': 'boolean'}},
    },
    'replication_group_instance': {
        'properties': {
            'child_replication_groups': {
                'items': {'def': 'replication_group_instance', 'ref': 'replication_group', 'type': 'object'}, 'type': 'array',
            },
            'creation_timestamp': {'type': 'string'}, 'creator_type': {'enum': ['User', 'System', 'Scheduler', 'External'], 'type': 'string'},
            'creator_type_l10n': {'type': 'string'}, 'description': {'type': 'string'}, 'id': {'type': 'string'},
            'is_replication_destination': {'type': 'boolean'}, 'name': {'type': 'string'},
            'parent': {'def': 'replication_group_instance', 'ref': 'replication_group', 'type': 'object'}, 'parent_id': {'type': 'string'},
            'policies': {'items': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'type': 'array'},
            'source': {'def': 'replication_group_instance', 'ref': 'replication_group', 'type': 'object'}, 'source_id': {'type': 'string'},
            'storage_container': {'def': 'storage_container_instance', 'ref': 'storage_container', 'type': 'object'},
            'storage_container_id': {'type': 'string'},
            'target_replication_groups': {
                'items': {'def': 'replication_group_instance', 'ref': 'replication_group', 'type': 'object'}, 'type': 'array',
            },
            'virtual_machines': {'items': {'def': 'virtual_machine_instance', 'ref': 'virtual_machine', 'type': 'object'}, 'type': 'array'},
            'virtual_volumes': {'items': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'type': 'array'},
        },
    },
    'replication_group_modify': {'properties': {'description': {'maxLength': 256, 'type': 'string'}, 'name': {'maxLength': 128, 'type': 'string'}}},
    'replication_rule_clone': {'properties': {'force': {'type': 'boolean'}, 'name': {'type': 'string'}}, 'required': ['name']},
    'replication_rule_create': {
        'properties': {
            'alert_threshold': {'maximum': 1440, 'minimum': 0, 'type': 'integer'}, 'is_read_only': {'type': 'boolean'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'remote_system_id': {'ref': 'remote_system', 'type': 'string'},
            'rpo': {
                'enum': ['Five_Minutes', 'Fifteen_Minutes', 'Thirty_Minutes', 'One_Hour', 'Six_Hours', 'Twelve_Hours', 'One_Day', 'Zero'],
                'type': 'string',
            },
        },
        'required': ['name', 'rpo', 'remote_system_id'],
    },
    'replication_rule_instance': {
        'properties': {
            'alert_threshold': {'maximum': 1440, 'minimum': 0, 'type': 'integer'}, 'id': {'type': 'string'}, 'is_read_only': {'type': 'boolean'},
            'is_replica': {'type': 'boolean'}, 'managed_by': {'enum': ['User', 'Metro', 'Replication', 'VMware_vSphere'], 'type': 'string'},
            'managed_by_id': {'type': 'string'}, 'managed_by_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'policies': {'items': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'type': 'array'},
            'remote_system': {'def': 'remote_system_instance', 'ref': 'remote_system', 'type': 'object'}, 'remote_system_id': {'type': 'string'},
            'replication_sessions': {
                'items': {'def': 'replication_session_instance', 'ref': 'replication_session', 'type': 'object'}, 'type': 'array',
            },
            'rpo': {
                'enum': ['Five_Minutes', 'Fifteen_Minutes', 'Thirty_Minutes', 'One_Hour', 'Six_Hours', 'Twelve_Hours', 'One_Day', 'Zero'],
                'type': 'string',
            },
            'rpo_l10n': {'type': 'string'},
        },
    },
    'replication_rule_modify': {
        'properties': {
            'alert_threshold': {'maximum': 1440, 'minimum': 0, 'type': 'integer'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'remote_system_id': {'ref': 'remote_system', 'type': 'string'},
            'rpo': {
                'enum': ['Five_Minutes', 'Fifteen_Minutes', 'Thirty_Minutes', 'One_Hour', 'Six_Hours', 'Twelve_Hours', 'One_Day', 'Zero'],
                'type': 'string',
            },
        },
    },
    'replication_session_demote': {'properties': {}},
    'replication_session_failover': {
        'properties': {
            'failover_snapshot_id': {'ref': '#remote/resource', 'type': 'string'}, 'force': {'type': 'boolean'}, 'is_planned': {'type': 'boolean'},
            'reverse': {'type': 'boolean'}, 'use_test_copy': {'type': 'boolean'},
        },
    },
    'replication_session_instance': {
        'properties': {
            'data_connection_state': {
                'enum': [
                    'OK', 'Partial_Data_Connection_Loss', 'Complete_Data_Connection_Loss', 'Status_Not_Available', 'No_Targets_Discovered',
                    'Initializing', 'Data_Connection_Unstable',
                ],
                'type': 'string',
            },
            'data_connection_state_l10n': {'type': 'string'},
            'data_transfer_state': {
                'enum': [
                    'Asynchronous', 'Asynchronous_Initial_Sync', 'System_Asynchronous_Initial_Sync', 'System_Asynchronous',
                    'Switch_To_Sync_Diff_Copy', 'Synchronous', 'Active_Active', 'Faulted', 'Paused',
                ],
                'type': 'string',
            },
            'data_transfer_state_l10n': {'type': 'string'}, 'error_code': {'type': 'string'}, 'estimated_completion_timestamp': {'type': 'string'},
            'failover_test_in_progress': {'type': 'boolean'}, 'id': {'type': 'string'},
            'last_sync_duration': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'last_sync_timestamp': {'type': 'string'},
            'local_resource_id': {'type': 'string'},
            'local_resource_state': {'enum': ['System_Defined', 'Promoted', 'Demoted', 'System_Demoted', 'System_Promoted'], 'type': 'string'},
            'local_resource_state_l10n': {'type': 'string'},
            'migration_session': {'def': 'migration_session_instance', 'ref': 'migration_session', 'type': 'object'},
            'next_sync_timestamp': {'type': 'string'}, 'parent_replication_session_id': {'type': 'string'},
            'progress_percentage': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'remote_resource_id': {'type': 'string'},
            'remote_system': {'def': 'remote_system_instance', 'ref': 'remote_system', 'type': 'object'}, 'remote_system_id': {'type': 'string'},
            'replication_rule': {'def': 'replication_rule_instance', 'ref': 'replication_rule', 'type': 'object'},
            'replication_rule_id': {'type': 'string'},
            'resource_type': {'enum': ['file_system', 'nas_server', 'replication_group', 'volume', 'volume_group'], 'type': 'string'},
            'resource_type_l10n': {'type': 'string'},
            'role': {'enum': ['Destination', 'Metro_Non_Preferred', 'Metro_Preferred', 'Source'], 'type': 'string'}, 'role_l10n': {'type': 'string'},
            'state': {
                'enum': [
                    'Deleting', 'Error', 'Failed_Over', 'Failing_Over', 'Failing_Over_For_DR', 'Fractured', 'Initializing', 'Modify_Role_In_Progress',
                    'OK', 'Partial_Failed_Back', 'Partial_Failed_Over', 'Partial_OK', 'Partial_Paused', 'Partial_Reprotected', 'Paused',
                    'Paused_For_Migration', 'Paused_For_NDU', 'Pausing', 'Reprotecting', 'Resuming', 'Switching_To_Metro_Sync',
                    'Switching_To_Synchronous', 'Synchronizing', 'System_Paused',
                ],
                'type': 'string',
            },
            'state_l10n': {'type': 'string'},
            'storage_element_pairs': {'items': {'def': 'replication_element_pair', 'type': 'object'}, 'type': 'array'},
            'type': {'enum': ['Asynchronous', 'Metro_Active_Active', 'Synchronous'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
            'volume_groups': {'items': {'def': 'volume_group_instance', 'ref': 'volume_group', 'type': 'object'}, 'type': 'array'},
            'volumes': {'items': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'}, 'type': 'array'},
            'witness_details': {'def': 'replication_session_witness_details', 'type': 'object'},
        },
    },
    'replication_session_modify': {
        'properties': {'role': {'enum': ['Destination', 'Metro_Non_Preferred', 'Metro_Preferred', 'Source'], 'type': 'string'}},
    },
    'replication_session_promote': {'properties': {}},
    'replication_session_reprotect': {'properties': {'discard_changes_after_failover': {'type': 'boolean'}}},
    'replication_session_witness_details': {
        'properties': {
            'state': {
                'enum': [
                    'Initializing', 'Disengaged', 'Engaged', 'Remote_Witness_Invalid_Or_Unavailable', 'Failed_To_Initialize',
                    'Unconfigure_In_Progress',
                ],
                'type': 'string',
            },
            'state_l10n': {'type': 'string'}, 'witness_id': {'ref': 'witness', 'type': 'string'},
            'witness_name': {'ref': 'witness', 'type': 'string'}, 'witness_uuid': {'ref': 'witness', 'type': 'string'},
        },
    },
    'replication_start_failover_test': {'properties': {'snapshot_id': {'ref': '#resource', 'type': 'string'}}},
    'replication_stop_failover_test': {'properties': {'create_end_of_test_snapshot': {'type': 'boolean'}, 'force': {'type': 'boolean'}}},
    'role_instance': {
        'properties': {'description': {'type': 'string'}, 'id': {'type': 'string'}, 'is_built_in': {'type': 'boolean'}, 'name': {'type': 'string'}},
    },
    'sas_port_instance': {
        'properties': {
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'appliance_id': {'type': 'string'},
            'hardware_parent': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'hardware_parent_id': {'type': 'string'},
            'id': {'type': 'string'}, 'io_module': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'},
            'io_module_id': {'type': 'string'}, 'is_in_use': {'type': 'boolean'}, 'is_link_up': {'type': 'boolean'}, 'name': {'type': 'string'},
            'node': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'node_id': {'type': 'string'},
            'partner': {'def': 'sas_port_instance', 'ref': 'sas_port', 'type': 'object'}, 'partner_id': {'type': 'string'},
            'port_index': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'sfp': {'def': 'hardware_instance', 'ref': 'hardware', 'type': 'object'}, 'sfp_id': {'type': 'string'},
            'speed': {'enum': ['3_Gbps', '6_Gbps', '12_Gbps'], 'type': 'string'}, 'speed_l10n': {'type': 'string'},
            'stale_state': {'enum': ['Not_Stale', 'Disconnected'], 'type': 'string'}, 'stale_state_l10n': {'type': 'string'},
        },
    },
    'security_config_instance': {
        'properties': {
            'cert_user_name_policy': {'enum': ['UPN', 'Subject_CN'], 'type': 'string'},
            'default_mfa_service': {'def': 'mfa_service_ref', 'type': 'object'}, 'id': {'type': 'string'},
            'idle_timeout': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'is_fips_enabled': {'type': 'boolean'},
            'is_http_redirect_enabled': {'type': 'boolean'}, 'is_stig_enabled': {'type': 'boolean'},
            'protocol_mode': {'enum': ['TLSv1_2'], 'type': 'string'}, 'protocol_mode_l10n': {'type': 'string'},
            'vasa_retain_certificate': {'type': 'boolean'},
        },
    },
    'security_config_modify': {
        'properties': {
            'cert_user_name_policy': {'enum': ['UPN', 'Subject_CN'], 'type': 'string'},
            'idle_timeout': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'is_http_redirect_enabled': {'type': 'boolean'},
            'is_stig_enabled': {'type': 'boolean'}, 'protocol_mode': {'enum': ['TLSv1_2'], 'type': 'string'},
            'vasa_retain_certificate': {'type': 'boolean'},
        },
    },
    'service_config_instance': {'properties': {'appliance_id': {'type': 'string'}, 'id': {'type': 'string'}, 'is_ssh_enabled': {'type': 'boolean'}}},
    'service_config_modify': {'properties': {'is_ssh_enabled': {'type': 'boolean'}}, 'required': ['is_ssh_enabled']},
    'service_user_instance': {
        'properties': {
            'id': {'type': 'string'}, 'is_built_in': {'type': 'boolean'}, 'is_default_password': {'type': 'boolean'}, 'name': {'type': 'string'},
        },
    },
    'service_user_modify': {'properties': {'password': {'maxLength': 40, 'minLength': 8, 'type': 'string'}}, 'required': ['password']},
    'smb_server_create': {
        'properties': {
            'computer_name': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'description': {'maxLength': 48, 'minLength': 0, 'type': 'string'},
            'domain': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'is_standalone': {'type': 'boolean'},
            'local_admin_password': {'maxLength': 256, 'minLength': 0, 'type': 'string'}, 'nas_server_id': {'ref': 'nas_server', 'type': 'string'},
            'netbios_name': {'maxLength': 15, 'minLength': 1, 'type': 'string'}, 'workgroup': {'maxLength': 15, 'minLength': 1, 'type': 'string'},
        },
        'required': ['nas_server_id', 'is_standalone', 'local_admin_password'],
    },
    'smb_server_delete': {'properties': {'force': {'type': 'boolean'}}},
    'smb_server_instance': {
        'properties': {
            'computer_name': {'type': 'string'}, 'description': {'type': 'string'}, 'domain': {'type': 'string'}, 'id': {'type': 'string'},
            'is_joined': {'type': 'boolean'}, 'is_standalone': {'type': 'boolean'},
            'nas_server': {'def': 'nas_server_instance', 'ref': 'nas_server', 'type': 'object'}, 'nas_server_id': {'type': 'string'},
            'netbios_name': {'type': 'string'}, 'workgroup': {'type': 'string'},
        },
    },
    'smb_server_join': {
        'properties': {
            'domain_password': {'type': 'string'}, 'domain_user_name': {'type': 'string'}, 'organizational_unit': {'type': 'string'},
            'reuse_computer_account': {'type': 'boolean'},
        },
        'required': ['domain_user_name', 'domain_password'],
    },
    'smb_server_modify': {
        'properties': {
            'computer_name': {'maxLength': 63, 'minLength': 1, 'type': 'string'}, 'description': {'maxLength': 48, 'minLength': 0, 'type': 'string'},
            'domain': {'maxLength': 255, 'minLength': 1, 'type': 'string'}, 'is_standalone': {'type': 'boolean'},
            'local_admin_password': {'maxLength': 256, 'minLength': 0, 'type': 'string'},
            'netbios_name': {'maxLength': 15, 'minLength': 1, 'type': 'string'}, 'workgroup': {'maxLength': 15, 'minLength': 1, 'type': 'string'},
        },
    },
    'smb_server_unjoin': {
        'properties': {'domain_password': {'type': 'string'}, 'domain_user_name': {'type': 'string'}, 'is_skip_AD_unjoin': {'type': 'boolean'}},
    },
    'smb_share_ace': {
        'properties': {
            'access_level': {'enum': ['Read', 'Change', 'Full'], 'type': 'string'}, 'access_type': {'enum': ['Allow', 'Deny'], 'type': 'string'},
            'trustee_name': {'type': 'string'}, 'trustee_type': {'enum': ['User', 'Group', 'SID', 'WellKnown'], 'type': 'string'},
        },
        'required': ['trustee_type', 'trustee_name', 'access_level', 'access_type'],
    },
    'smb_share_create': {
        'properties': {
            'description': {'maxLength': 255, 'minLength': 0, 'type': 'string'}, 'file_system_id': {'ref': 'file_system', 'type': 'string'},
            'is_ABE_enabled': {'type': 'boolean'}, 'is_branch_cache_enabled': {'type': 'boolean'},
            'is_continuous_availability_enabled': {'type': 'boolean'}, 'is_encryption_enabled': {'type': 'boolean'},
            'name': {'maxLength': 80, 'minLength': 1, 'type': 'string'},
            'offline_availability': {'enum': ['Manual', 'Documents', 'Programs', 'None'], 'type': 'string'}, 'path': {'type': 'string'},
            'umask': {'maxLength': 3, 'minLength': 3, 'type': 'string'},
        },
        'required': ['file_system_id', 'path', 'name'],
    },
    'smb_share_instance': {
        'properties': {
            'description': {'maxLength': 255, 'minLength': 0, 'type': 'string'},
            'file_system': {'def': 'file_system_instance', 'ref': 'file_system', 'type': 'object'}, 'file_system_id': {'type': 'string'},
            'id': {'type': 'string'}, 'is_ABE_enabled': {'type': 'boolean'}, 'is_branch_cache_enabled': {'type': 'boolean'},
            'is_continuous_availability_enabled': {'type': 'boolean'}, 'is_encryption_enabled': {'type': 'boolean'}, 'name': {'type': 'string'},
            'offline_availability': {'enum': ['Manual', 'Documents', 'Programs', 'None'], 'type': 'string'},
            'offline_availability_l10n': {'type': 'string'}, 'path': {'type': 'string'}, 'umask': {'maxLength': 3, 'minLength': 3, 'type': 'string'},
        },
    },
    'smb_share_modify': {
        'properties': {
            'description': {'maxLength': 255, 'minLength': 0, 'type': 'string'}, 'is_ABE_enabled': {'type': 'boolean'},
            'is_branch_cache_enabled': {'type': 'boolean'}, 'is_continuous_availability_enabled': {'type': 'boolean'},
            'is_encryption_enabled': {'type': 'boolean'},
            'offline_availability': {'enum': ['Manual', 'Documents', 'Programs', 'None'], 'type': 'string'},
            'umask': {'maxLength': 3, 'minLength': 3, 'type': 'string'},
        },
    },
    'smb_share_set_acl': {
        'properties': {
            'aces': {'items': {'def': 'smb_share_ace', 'type': 'object'}, 'type': 'array'},
            'add_aces': {'items': {'def': 'smb_share_ace', 'type': 'object'}, 'type': 'array'},
            'remove_aces': {'items': {'def': 'smb_share_ace', 'type': 'object'}, 'type': 'array'},
        },
    },
    'smtp_config_instance': {
        'properties': {
            'address': {'type': 'string'}, 'id': {'type': 'string'}, 'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'source_email': {'type': 'string'},
        },
    },
    'smtp_config_modify': {
        'properties': {
            'address': {'type': 'string'}, 'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'}, 'source_email': {'type': 'string'},
        },
    },
    'smtp_config_test': {'properties': {'email_address': {'type': 'string'}}},
    'snapshot_rule_clone': {'properties': {'force': {'type': 'boolean'}, 'name': {'type': 'string'}}, 'required': ['name']},
    'snapshot_rule_create': {
        'properties': {
            'days_of_week': {
                'items': {'enum': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], 'type': 'string'}, 'type': 'array',
            },
            'desired_retention': {'maximum': 613200, 'minimum': 1, 'type': 'integer'},
            'interval': {
                'enum': [
                    'Five_Minutes', 'Fifteen_Minutes', 'Thirty_Minutes', 'One_Hour', 'Two_Hours', 'Three_Hours', 'Four_Hours', 'Six_Hours',
                    'Eight_Hours', 'Twelve_Hours', 'One_Day',
                ],
                'type': 'string',
            },
            'is_read_only': {'type': 'boolean'}, 'is_secure': {'type': 'boolean'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'nas_access_type': {'enum': ['Snapshot', 'Protocol'], 'type': 'string'}, 'remote_system_id': {'ref': 'remote_system', 'type': 'string'},
            'time_of_day': {'type': 'string'},
            'timezone': {
                'enum': [
                    'Etc__GMT_plus_12', 'US__Samoa', 'Etc__GMT_plus_11', 'America__Atka', 'US__Hawaii', 'Etc__GMT_plus_10', 'Pacific__Marquesas',
                    'US__Alaska', 'Pacific__Gambier', 'Etc__GMT_plus_9', 'PST8PDT', 'Pacific__Pitcairn', 'US__Pacific', 'Etc__GMT_plus_8',
                    'Mexico__BajaSur', 'America__Boise', 'America__Phoenix', 'MST7MDT', 'Etc__GMT_plus_7', 'CST6CDT', 'America__Chicago',
                    'Canada__Saskatchewan', 'America__Bahia_Banderas', 'Etc__GMT_plus_6', 'Chile__EasterIsland', 'America__Bogota',
                    'America__New_York', 'EST5EDT', 'America__Havana', 'Etc__GMT_plus_5', 'America__Caracas', 'America__Cuiaba',
                    'America__Santo_Domingo', 'Canada__Atlantic', 'America__Asuncion', 'Etc__GMT_plus_4', 'Canada__Newfoundland',
                    'Chile__Continental', 'Brazil__East', 'America__Godthab', 'America__Miquelon', 'America__Buenos_Aires', 'Etc__GMT_plus_3',
                    'America__Noronha', 'Etc__GMT_plus_2', 'America__Scoresbysund', 'Atlantic__Cape_Verde', 'Etc__GMT_plus_1', 'UTC',
                    'Europe__London', 'Africa__Casablanca', 'Atlantic__Reykjavik', 'Antarctica__Troll', 'Europe__Paris', 'Europe__Sarajevo',
                    'Europe__Belgrade', 'Europe__Rome', 'Africa__Tunis', 'Etc__GMT_minus_1', 'Asia__Gaza', 'Europe__Bucharest', 'Europe__Helsinki',
                    'Asia__Beirut', 'Africa__Harare', 'Asia__Damascus', 'Asia__Amman', 'Europe__Tiraspol', 'Asia__Jerusalem', 'Etc__GMT_minus_2',
                    'Asia__Baghdad', 'Africa__Asmera', 'Etc__GMT_minus_3', 'Asia__Tehran', 'Asia__Baku', 'Etc__GMT_minus_4', 'Asia__Kabul',
                    'Asia__Karachi', 'Etc__GMT_minus_5', 'Asia__Kolkata', 'Asia__Katmandu', 'Asia__Almaty', 'Etc__GMT_minus_6', 'Asia__Rangoon',
                    'Asia__Hovd', 'Asia__Bangkok', 'Etc__GMT_minus_7', 'Asia__Hong_Kong', 'Asia__Brunei', 'Asia__Singapore', 'Etc__GMT_minus_8',
                    'Asia__Pyongyang', 'Australia__Eucla', 'Asia__Seoul', 'Etc__GMT_minus_9', 'Australia__Darwin', 'Australia__Adelaide',
                    'Australia__Sydney', 'Australia__Brisbane', 'Asia__Magadan', 'Etc__GMT_minus_10', 'Australia__Lord_Howe', 'Etc__GMT_minus_11',
                    'Asia__Kamchatka', 'Pacific__Fiji', 'Antarctica__South_Pole', 'Etc__GMT_minus_12', 'Pacific__Chatham', 'Pacific__Tongatapu',
                    'Pacific__Apia', 'Etc__GMT_minus_13', 'Pacific__Kiritimati', 'Etc__GMT_minus_14',
                ],
                'type': 'string',
            },
        },
        'required': ['name', 'desired_retention'],
    },
    'snapshot_rule_delete': {'properties': {'delete_snaps': {'type': 'boolean'}}},
    'snapshot_rule_instance': {
        'properties': {
            'days_of_week': {
                'items': {'enum': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], 'type': 'string'}, 'type': 'array',
            },
            'days_of_week_l10n': {'items': {'type': 'string'}, 'type': 'array'},
            'desired_retention': {'maximum': 613200, 'minimum': 1, 'type': 'integer'}, 'id': {'type': 'string'},
            'interval': {
                'enum': [
                    'Five_Minutes', 'Fifteen_Minutes', 'Thirty_Minutes', 'One_Hour', 'Two_Hours', 'Three_Hours', 'Four_Hours', 'Six_Hours',
                    'Eight_Hours', 'Twelve_Hours', 'One_Day',
                ],
                'type': 'string',
            },
            'interval_l10n': {'type': 'string'}, 'is_read_only': {'type': 'boolean'}, 'is_replica': {'type': 'boolean'},
            'is_secure': {'type': 'boolean'}, 'managed_by': {'enum': ['User', 'Metro', 'Replication', 'VMware_vSphere'], 'type': 'string'},
            'managed_by_id': {'type': 'string'}, 'managed_by_l10n': {'type': 'string'}, 'name': {'type': 'string'},
            'nas_access_type': {'enum': ['Snapshot', 'Protocol'], 'type': 'string'}, 'nas_access_type_l10n': {'type': 'string'},
            'policies': {'items': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'type': 'array'},
            'remote_snapshot_sessions': {
                'items': {'def': 'remote_snapshot_session_instance', 'ref': 'remote_snapshot_session', 'type': 'object'}, 'type': 'array',
            },
            'remote_system': {'def': 'remote_system_instance', 'ref': 'remote_system', 'type': 'object'}, 'remote_system_id': {'type': 'string'},
            'time_of_day': {'type': 'string'},
            'timezone': {
                'enum': [
                    'Etc__GMT_plus_12', 'US__Samoa', 'Etc__GMT_plus_11', 'America__Atka', 'US__Hawaii', 'Etc__GMT_plus_10', 'Pacific__Marquesas',
                    'US__Alaska', 'Pacific__Gambier', 'Etc__GMT_plus_9', 'PST8PDT', 'Pacific__Pitcairn', 'US__Pacific', 'Etc__GMT_plus_8',
                    'Mexico__BajaSur', 'America__Boise', 'America__Phoenix', 'MST7MDT', 'Etc__GMT_plus_7', 'CST6CDT', 'America__Chicago',
                    'Canada__Saskatchewan', 'America__Bahia_Banderas', 'Etc__GMT_plus_6', 'Chile__EasterIsland', 'America__Bogota',
                    'America__New_York', 'EST5EDT', 'America__Havana', 'Etc__GMT_plus_5', 'America__Caracas', 'America__Cuiaba',
                    'America__Santo_Domingo', 'Canada__Atlantic', 'America__Asuncion', 'Etc__GMT_plus_4', 'Canada__Newfoundland',
                    'Chile__Continental', 'Brazil__East', 'America__Godthab', 'America__Miquelon', 'America__Buenos_Aires', 'Etc__GMT_plus_3',
                    'America__Noronha', 'Etc__GMT_plus_2', 'America__Scoresbysund', 'Atlantic__Cape_Verde', 'Etc__GMT_plus_1', 'UTC',
                    'Europe__London', 'Africa__Casablanca', 'Atlantic__Reykjavik', 'Antarctica__Troll', 'Europe__Paris', 'Europe__Sarajevo',
                    'Europe__Belgrade', 'Europe__Rome', 'Africa__Tunis', 'Etc__GMT_minus_1', 'Asia__Gaza', 'Europe__Bucharest', 'Europe__Helsinki',
                    'Asia__Beirut', 'Africa__Harare', 'Asia__Damascus', 'Asia__Amman', 'Europe__Tiraspol', 'Asia__Jerusalem', 'Etc__GMT_minus_2',
                    'Asia__Baghdad', 'Africa__Asmera', 'Etc__GMT_minus_3', 'Asia__Tehran', 'Asia__Baku', 'Etc__GMT_minus_4', 'Asia__Kabul',
                    'Asia__Karachi', 'Etc__GMT_minus_5', 'Asia__Kolkata', 'Asia__Katmandu', 'Asia__Almaty', 'Etc__GMT_minus_6', 'Asia__Rangoon',
                    'Asia__Hovd', 'Asia__Bangkok', 'Etc__GMT_minus_7', 'Asia__Hong_Kong', 'Asia__Brunei', 'Asia__Singapore', 'Etc__GMT_minus_8',
                    'Asia__Pyongyang', 'Australia__Eucla', 'Asia__Seoul', 'Etc__GMT_minus_9', 'Australia__Darwin', 'Australia__Adelaide',
                    'Australia__Sydney', 'Australia__Brisbane', 'Asia__Magadan', 'Etc__GMT_minus_10', 'Australia__Lord_Howe', 'Etc__GMT_minus_11',
                    'Asia__Kamchatka', 'Pacific__Fiji', 'Antarctica__South_Pole', 'Etc__GMT_minus_12', 'Pacific__Chatham', 'Pacific__Tongatapu',
                    'Pacific__Apia', 'Etc__GMT_minus_13', 'Pacific__Kiritimati', 'Etc__GMT_minus_14',
                ],
                'type': 'string',
            },
            'timezone_l10n': {'type': 'string'},
        },
    },
    'snapshot_rule_modify': {
        'properties': {
            'days_of_week': {
                'items': {'enum': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], 'type': 'string'}, 'type': 'array',
            },
            'desired_retention': {'maximum': 613200, 'minimum': 1, 'type': 'integer'},
            'interval': {
                'enum': [
                    'Five_Minutes', 'Fifteen_Minutes', 'Thirty_Minutes', 'One_Hour', 'Two_Hours', 'Three_Hours', 'Four_Hours', 'Six_Hours',
                    'Eight_Hours', 'Twelve_Hours', 'One_Day',
                ],
                'type': 'string',
            },
            'is_secure': {'type': 'boolean'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'nas_access_type': {'enum': ['Snapshot', 'Protocol'], 'type': 'string'}, 'remote_system_id': {'ref': 'remote_system', 'type': 'string'},
            'time_of_day': {'type': 'string'},
            'timezone': {
                'enum': [
                    'Etc__GMT_plus_12', 'US__Samoa', 'Etc__GMT_plus_11', 'America__Atka', 'US__Hawaii', 'Etc__GMT_plus_10', 'Pacific__Marquesas',
                    'US__Alaska', 'Pacific__Gambier', 'Etc__GMT_plus_9', 'PST8PDT', 'Pacific__Pitcairn', 'US__Pacific', 'Etc__GMT_plus_8',
                    'Mexico__BajaSur', 'America__Boise', 'America__Phoenix', 'MST7MDT', 'Etc__GMT_plus_7', 'CST6CDT', 'America__Chicago',
                    'Canada__Saskatchewan', 'America__Bahia_Banderas', 'Etc__GMT_plus_6', 'Chile__EasterIsland', 'America__Bogota',
                    'America__New_York', 'EST5EDT', 'America__Havana', 'Etc__GMT_plus_5', 'America__Caracas', 'America__Cuiaba',
                    'America__Santo_Domingo', 'Canada__Atlantic', 'America__Asuncion', 'Etc__GMT_plus_4', 'Canada__Newfoundland',
                    'Chile__Continental', 'Brazil__East', 'America__Godthab', 'America__Miquelon', 'America__Buenos_Aires', 'Etc__GMT_plus_3',
                    'America__Noronha', 'Etc__GMT_plus_2', 'America__Scoresbysund', 'Atlantic__Cape_Verde', 'Etc__GMT_plus_1', 'UTC',
                    'Europe__London', 'Africa__Casablanca', 'Atlantic__Reykjavik', 'Antarctica__Troll', 'Europe__Paris', 'Europe__Sarajevo',
                    'Europe__Belgrade', 'Europe__Rome', 'Africa__Tunis', 'Etc__GMT_minus_1', 'Asia__Gaza', 'Europe__Bucharest', 'Europe__Helsinki',
                    'Asia__Beirut', 'Africa__Harare', 'Asia__Damascus', 'Asia__Amman', 'Europe__Tiraspol', 'Asia__Jerusalem', 'Etc__GMT_minus_2',
                    'Asia__Baghdad', 'Africa__Asmera', 'Etc__GMT_minus_3', 'Asia__Tehran', 'Asia__Baku', 'Etc__GMT_minus_4', 'Asia__Kabul',
                    'Asia__Karachi', 'Etc__GMT_minus_5', 'Asia__Kolkata', 'Asia__Katmandu', 'Asia__Almaty', 'Etc__GMT_minus_6', 'Asia__Rangoon',
                    'Asia__Hovd', 'Asia__Bangkok', 'Etc__GMT_minus_7', 'Asia__Hong_Kong', 'Asia__Brunei', 'Asia__Singapore', 'Etc__GMT_minus_8',
                    'Asia__Pyongyang', 'Australia__Eucla', 'Asia__Seoul', 'Etc__GMT_minus_9', 'Australia__Darwin', 'Australia__Adelaide',
                    'Australia__Sydney', 'Australia__Brisbane', 'Asia__Magadan', 'Etc__GMT_minus_10', 'Australia__Lord_Howe', 'Etc__GMT_minus_11',
                    'Asia__Kamchatka', 'Pacific__Fiji', 'Antarctica__South_Pole', 'Etc__GMT_minus_12', 'Pacific__Chatham', 'Pacific__Tongatapu',
                    'Pacific__Apia', 'Etc__GMT_minus_13', 'Pacific__Kiritimati', 'Etc__GMT_minus_14',
                ],
                'type': 'string',
            },
        },
    },
    'snmp_server_create': {
        'properties': {
            'alert_severity': {'enum': ['Info', 'Minor', 'Major', 'Critical'], 'type': 'string'},
            'auth_protocol': {'enum': ['None', 'MD5', 'SHA256'], 'type': 'string'}, 'authpass': {'maxLength': 40, 'minLength': 8, 'type': 'string'},
            'ip_address': {'type': 'string'}, 'port': {'maximum': 49151, 'minimum': 162, 'type': 'integer'},
            'privacy_protocol': {'enum': ['None', 'AES256', 'TDES'], 'type': 'string'},
            'trap_community': {'maxLength': 256, 'minLength': 0, 'type': 'string'}, 'user_name': {'maxLength': 32, 'minLength': 1, 'type': 'string'},
            'version': {'enum': ['V2c', 'V3'], 'type': 'string'},
        },
        'required': ['ip_address', 'port', 'version', 'alert_severity'],
    },
    'snmp_server_instance': {
        'properties': {
            'alert_severity': {'enum': ['Info', 'Minor', 'Major', 'Critical'], 'type': 'string'}, 'alert_severity_l10n': {'type': 'string'},
            'auth_protocol': {'enum': ['None', 'MD5', 'SHA256'], 'type': 'string'}, 'auth_protocol_l10n': {'type': 'string'},
            'id': {'type': 'string'}, 'ip_address': {'type': 'string'}, 'port': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'privacy_protocol': {'enum': ['None', 'AES256', 'TDES'], 'type': 'string'}, 'privacy_protocol_l10n': {'type': 'string'},
            'trap_community': {'type': 'string'}, 'user_name': {'type': 'string'}, 'version': {'enum': ['V2c', 'V3'], 'type': 'string'},
            'version_l10n': {'type': 'string'},
        },
    },
    'snmp_server_modify': {
        'properties': {
            'alert_severity': {'enum': ['Info', 'Minor', 'Major', 'Critical'], 'type': 'string'},
            'auth_protocol': {'enum': ['None', 'MD5', 'SHA256'], 'type': 'string'}, 'authpass': {'maxLength': 40, 'minLength': 8, 'type': 'string'},
            'ip_address': {'type': 'string'}, 'port': {'maximum': 49151, 'minimum': 162, 'type': 'integer'},
            'privacy_protocol': {'enum': ['None', 'AES256', 'TDES'], 'type': 'string'},
            'trap_community': {'maxLength': 256, 'minLength': 0, 'type': 'string'}, 'user_name': {'maxLength': 32, 'minLength': 1, 'type': 'string'},
        },
    },
    'software_installed_instance': {
        'properties': {
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'build_flavor': {'enum': ['Retail'], 'type': 'string'},
            'build_flavor_l10n': {'type': 'string'}, 'build_id': {'type': 'string'},
            'build_type': {'enum': ['Beta', 'Hotfix', 'Release'], 'type': 'string'}, 'build_type_l10n': {'type': 'string'},
            'build_version': {'type': 'string'}, 'id': {'type': 'string'}, 'installed_date': {'type': 'string'}, 'is_cluster': {'type': 'boolean'},
            'release_timestamp': {'type': 'string'}, 'release_version': {'type': 'string'},
        },
    },
    'software_package_install': {'properties': {}},
    'software_package_instance': {
        'properties': {
            'build_flavor': {'enum': ['Retail'], 'type': 'string'}, 'build_flavor_l10n': {'type': 'string'}, 'build_id': {'type': 'string'},
            'build_type': {'enum': ['Beta', 'Hotfix', 'Release'], 'type': 'string'}, 'build_type_l10n': {'type': 'string'},
            'build_version': {'type': 'string'}, 'dependent_version': {'type': 'string'}, 'description_l10n': {'type': 'string'},
            'id': {'type': 'string'}, 'installed_date': {'type': 'string'}, 'is_autodownloaded': {'type': 'boolean'},
            'is_reboot_required': {'type': 'boolean'}, 'is_urgent': {'type': 'boolean'}, 'justification_l10n': {'type': 'string'},
            'kb_article_link': {'type': 'string'}, 'name': {'type': 'string'}, 'release_timestamp': {'type': 'string'},
            'release_version': {'type': 'string'}, 'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'software_package_state': {
                'enum': [
                    'Available', 'Downloaded', 'Installing', 'Installed', 'Install_Failed', 'Download_Failed', 'Download_Canceled', 'Downloading',
                ],
                'type': 'string',
            },
            'software_package_state_l10n': {'type': 'string'},
            'software_package_type': {
                'enum': [
                    'Software_Release', 'Disk_Firmware', 'Hotfix', 'Language_Pack', 'Health_Check', 'Pre_Upgrade_HCI', 'Analytics', 'STIG',
                    'Rx_Definitions',
                ],
                'type': 'string',
            },
            'software_package_type_l10n': {'type': 'string'},
        },
    },
    'software_package_puhc': {'properties': {}},
    'storage_container_create': {
        'properties': {
            'datastore_name': {'type': 'string'}, 'high_water_mark': {'maximum': 100, 'minimum': 50, 'type': 'integer'}, 'mount': {'type': 'boolean'},
            'name': {'maxLength': 64, 'minLength': 1, 'type': 'string'}, 'quota': {'maximum': 4611686018427387904, 'minimum': 0, 'type': 'integer'},
            'storage_protocol': {'enum': ['SCSI', 'NVMe'], 'type': 'string'},
            'vsphere_host_ids': {'items': {'ref': 'vsphere_host', 'type': 'string'}, 'type': 'array'},
        },
        'required': ['name'],
    },
    'storage_container_delete': {'properties': {'force': {'type': 'boolean'}, 'unmount': {'type': 'boolean'}}},
    'storage_container_destination_create': {
        'properties': {
            'remote_storage_container_id': {'ref': '#remote/storage_container', 'type': 'string'},
            'remote_system_id': {'ref': 'remote_system', 'type': 'string'}, 'storage_container_id': {'ref': 'storage_container', 'type': 'string'},
        },
        'required': ['storage_container_id', 'remote_system_id', 'remote_storage_container_id'],
    },
    'storage_container_destination_instance': {
        'properties': {
            'id': {'type': 'string'}, 'remote_storage_container_id': {'type': 'string'},
            'remote_system': {'def': 'remote_system_instance', 'ref': 'remote_system', 'type': 'object'}, 'remote_system_id': {'type': 'string'},
            'storage_container': {'def': 'storage_container_instance', 'ref': 'storage_container', 'type': 'object'},
            'storage_container_id': {'type': 'string'},
        },
    },
    'storage_container_instance': {
        'properties': {
            'datastores': {'items': {'def': 'datastore_instance', 'ref': 'datastore', 'type': 'object'}, 'type': 'array'},
            'destinations': {
                'items': {'def': 'storage_container_destination_instance', 'ref': 'storage_container_destination', 'type': 'object'}, 'type': 'array',
            },
            'id': {'type': 'string'}, 'name': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
            'quota': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'replication_groups': {'items': {'def': 'replication_group_instance', 'ref': 'replication_group', 'type': 'object'}, 'type': 'array'},
            'storage_protocol': {'enum': ['SCSI', 'NVMe'], 'type': 'string'}, 'storage_protocol_l10n': {'type': 'string'},
            'virtual_volumes': {'items': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'type': 'array'},
        },
    },
    'storage_container_modify': {
        'properties': {
            'name': {'maxLength': 64, 'minLength': 1, 'type': 'string'}, 'quota': {'maximum': 4611686018427387904, 'minimum': 0, 'type': 'integer'},
            'storage_protocol': {'enum': ['SCSI', 'NVMe'], 'type': 'string'},
        },
    },
    'storage_container_mount': {
        'properties': {
            'datastore_name': {'type': 'string'}, 'vsphere_host_ids': {'items': {'ref': 'vsphere_host', 'type': 'string'}, 'type': 'array'},
        },
    },
    'unity_file_details_create': {
        'properties': {'service_account_password': {'type': 'string'}, 'service_account_username': {'type': 'string'}},
        'required': ['service_account_username', 'service_account_password'],
    },
    'unity_file_details_instance': {'properties': {'service_account_username': {'type': 'string'}}},
    'unity_file_details_modify': {'properties': {'service_account_password': {'type': 'string'}, 'service_account_username': {'type': 'string'}}},
    'update_initiator_in_host': {
        'properties': {
            'chap_mutual_password': {'maxLength': 64, 'minLength': 12, 'type': 'string'},
            'chap_mutual_username': {'maxLength': 64, 'minLength': 1, 'type': 'string'},
            'chap_single_password': {'maxLength': 64, 'minLength': 12, 'type': 'string'},
            'chap_single_username': {'maxLength': 64, 'minLength': 1, 'type': 'string'}, 'port_name': {'type': 'string'},
        },
    },
    'valid_upgrade_instance': {
        'properties': {
            'cpu_cores': {'type': 'string'}, 'dpe': {'type': 'string'},
            'model_name': {'enum': ['1200T', '3200T', '5200T', '9200T'], 'type': 'string'}, 'model_name_l10n': {'type': 'string'},
            'nvram_drives_required': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'physical_memory': {'type': 'string'},
        },
    },
    'vasa_provider_credentials': {
        'properties': {'password': {'type': 'string'}, 'username': {'type': 'string'}}, 'required': ['username', 'password'],
    },
    'vcenter_create': {
        'properties': {
            'address': {'type': 'string'}, 'is_verify_server_cert': {'type': 'boolean'}, 'password': {'type': 'string'},
            'server_cert_thumbprint': {'type': 'string'}, 'username': {'type': 'string'},
            'vasa_provider_credentials': {'def': 'vasa_provider_credentials', 'type': 'object'},
        },
        'required': ['address', 'username', 'password'],
    },
    'vcenter_delete': {'properties': {'delete_vendor_provider': {'type': 'boolean'}}},
    'vcenter_instance': {
        'properties': {
            'address': {'type': 'string'},
            'datastores': {'items': {'def': 'datastore_instance', 'ref': 'datastore', 'type': 'object'}, 'type': 'array'}, 'id': {'type': 'string'},
            'instance_uuid': {'type': 'string'}, 'is_verify_server_cert': {'type': 'boolean'}, 'username': {'type': 'string'},
            'vendor_provider_status': {'enum': ['Not_Registered', 'Offline', 'Online', 'Unavailable'], 'type': 'string'},
            'vendor_provider_status_l10n': {'type': 'string'}, 'version': {'type': 'string'},
            'virtual_machines': {'items': {'def': 'virtual_machine_instance', 'ref': 'virtual_machine', 'type': 'object'}, 'type': 'array'},
            'vsphere_hosts': {'items': {'def': 'vsphere_host_instance', 'ref': 'vsphere_host', 'type': 'object'}, 'type': 'array'},
        },
    },
    'vcenter_modify': {
        'properties': {
            'address': {'type': 'string'}, 'is_verify_server_cert': {'type': 'boolean'}, 'password': {'type': 'string'},
            'server_cert_thumbprint': {'type': 'string'}, 'username': {'type': 'string'},
            'vasa_provider_credentials': {'def': 'vasa_provider_credentials', 'type': 'object'},
        },
    },
    'veth_port_instance': {
        'properties': {
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'appliance_id': {'type': 'string'},
            'current_mtu': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'current_speed': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'}, 'id': {'type': 'string'},
            'ip_ports': {'items': {'def': 'ip_port_instance', 'ref': 'ip_port', 'type': 'object'}, 'type': 'array'},
            'is_link_up': {'type': 'boolean'}, 'mac_address': {'type': 'string'}, 'name': {'type': 'string'},
            'node': {'def': 'node_instance', 'ref': 'node', 'type': 'object'}, 'node_id': {'type': 'string'},
            'partner': {'def': 'veth_port_instance', 'ref': 'veth_port', 'type': 'object'}, 'partner_id': {'type': 'string'},
            'vswitch_name': {'type': 'string'}, 'vswitch_port_group_name': {'type': 'string'},
            'vswitch_port_id': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'vswitch_port_name': {'type': 'string'},
        },
    },
    'virtual_machine_instance': {
        'properties': {
            'children': {'items': {'def': 'virtual_machine_instance', 'ref': 'virtual_machine', 'type': 'object'}, 'type': 'array'},
            'cpu_count': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'datastores': {'items': {'def': 'datastore_instance', 'ref': 'datastore', 'type': 'object'}, 'type': 'array'},
            'description': {'type': 'string'}, 'guest_os': {'type': 'string'}, 'id': {'type': 'string'}, 'instance_uuid': {'type': 'string'},
            'is_consistent': {'type': 'boolean'}, 'is_consistent_snaps_supported': {'type': 'boolean'},
            'memory_mb': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'}, 'name': {'type': 'string'},
            'parent': {'def': 'virtual_machine_instance', 'ref': 'virtual_machine', 'type': 'object'}, 'parent_id': {'type': 'string'},
            'power_state': {'enum': ['Powered_Off', 'Powered_On', 'Suspended'], 'type': 'string'}, 'power_state_l10n': {'type': 'string'},
            'protection_data': {'def': 'vm_protection_data_instance', 'type': 'object'},
            'protection_policy': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'protection_policy_id': {'type': 'string'},
            'replication_group': {'def': 'replication_group_instance', 'ref': 'replication_group', 'type': 'object'},
            'replication_group_id': {'type': 'string'}, 'status': {'enum': ['Green', 'Yellow', 'Red', 'Gray'], 'type': 'string'},
            'status_l10n': {'type': 'string'}, 'type': {'enum': ['Primary', 'Template', 'Snapshot'], 'type': 'string'},
            'type_l10n': {'type': 'string'}, 'vcenter': {'def': 'vcenter_instance', 'ref': 'vcenter', 'type': 'object'},
            'vcenter_id': {'type': 'string'}, 'vcenter_instance_uuid': {'type': 'string'},
            'virtual_volumes': {'items': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'type': 'array'},
            'vsphere_host': {'items': {'def': 'vsphere_host_instance', 'ref': 'vsphere_host', 'type': 'object'}, 'type': 'array'},
            'vsphere_object_id': {'type': 'string'},
        },
    },
    'virtual_machine_modify': {'properties': {'protection_policy_id': {'nullable': True, 'ref': 'policy', 'type': 'string'}}},
    'virtual_machine_snapshot': {'properties': {'description': {'maxLength': 2000, 'type': 'string'}, 'name': {'maxLength': 80, 'type': 'string'}}},
    'virtual_volume_delete': {'properties': {'force': {'type': 'boolean'}}},
    'virtual_volume_detach': {'properties': {'host_group_id': {'ref': 'host_group', 'type': 'string'}, 'host_id': {'ref': 'host', 'type': 'string'}}},
    'virtual_volume_instance': {
        'properties': {
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'appliance_id': {'type': 'string'},
            'child_virtual_volumes': {'items': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'type': 'array'},
            'creation_timestamp': {'type': 'string'}, 'creator_type': {'enum': ['User', 'System', 'Scheduler', 'External'], 'type': 'string'},
            'creator_type_l10n': {'type': 'string'}, 'family_id': {'type': 'string'},
            'host_virtual_volume_mappings': {
                'items': {'def': 'host_virtual_volume_mapping_instance', 'ref': 'host_virtual_volume_mapping', 'type': 'object'}, 'type': 'array',
            },
            'id': {'type': 'string'}, 'io_priority': {'enum': ['Low', 'Medium', 'High'], 'type': 'string'}, 'io_priority_l10n': {'type': 'string'},
            'is_readonly': {'type': 'boolean'}, 'is_replication_destination': {'type': 'boolean'},
            'location_history': {'items': {'def': 'location_history_instance', 'type': 'object'}, 'type': 'array'},
            'migration_session': {'def': 'migration_session_instance', 'ref': 'migration_session', 'type': 'object'},
            'migration_session_id': {'type': 'string'}, 'naa_name': {'type': 'string'}, 'name': {'type': 'string'}, 'nguid': {'type': 'string'},
            'nsid': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'parent': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'parent_id': {'type': 'string'},
            'profile_id': {'type': 'string'}, 'protection_policy': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'},
            'protection_policy_id': {'type': 'string'},
            'replication_group': {'def': 'replication_group_instance', 'ref': 'replication_group', 'type': 'object'},
            'replication_group_id': {'type': 'string'}, 'size': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'source': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'source_id': {'type': 'string'},
            'source_timestamp': {'type': 'string'},
            'storage_container': {'def': 'storage_container_instance', 'ref': 'storage_container', 'type': 'object'},
            'storage_container_id': {'type': 'string'},
            'target_virtual_volumes': {'items': {'def': 'virtual_volume_instance', 'ref': 'virtual_volume', 'type': 'object'}, 'type': 'array'},
            'type': {'enum': ['Primary', 'Snapshot', 'Prepared_Snapshot', 'Clone', 'Fast_Clone'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
            'usage_type': {'enum': ['Config', 'Data', 'Swap', 'Memory', 'Other'], 'type': 'string'}, 'usage_type_l10n': {'type': 'string'},
            'virtual_machine_uuid': {'type': 'string'},
            'virtual_machines': {'items': {'def': 'virtual_machine_instance', 'ref': 'virtual_machine', 'type': 'object'}, 'type': 'array'},
        },
    },
    'vm_protection_data_instance': {
        'properties': {
            'created_by_rule_id': {'type': 'string'}, 'created_by_rule_name': {'type': 'string'},
            'creator_type': {'enum': ['User', 'System', 'Scheduler', 'External'], 'type': 'string'}, 'creator_type_l10n': {'type': 'string'},
            'expiration_timestamp': {'type': 'string'}, 'parent_id': {'type': 'string'}, 'source_id': {'type': 'string'},
            'source_timestamp': {'type': 'string'},
        },
    },
    'volume_attach': {
        'properties': {
            'host_group_id': {'ref': 'host_group', 'type': 'string'}, 'host_id': {'ref': 'host', 'type': 'string'},
            'logical_unit_number': {'maximum': 16383, 'minimum': 0, 'type': 'integer'},
        },
    },
    'volume_clone': {
        'properties': {
            'description': {'maxLength': 128, 'type': 'string'}, 'host_group_id': {'ref': 'host_group', 'type': 'string'},
            'host_id': {'ref': 'host', 'type': 'string'}, 'logical_unit_number': {'maximum': 16383, 'minimum': 0, 'type': 'integer'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'performance_policy_id': {'ref': 'policy', 'type': 'string'},
            'protection_policy_id': {'ref': 'policy', 'type': 'string'}, 'qos_performance_policy_id': {'ref': 'policy', 'type': 'string'},
        },
    },
    'volume_configure_metro': {
        'properties': {
            'remote_appliance_id': {'ref': '#remote/appliance', 'type': 'string'}, 'remote_system_id': {'ref': 'remote_system', 'type': 'string'},
        },
        'required': ['remote_system_id'],
    },
    'volume_create': {
        'properties': {
            'app_type': {
                'enum': [
                    'Relational_Databases_Other', 'Relational_Databases_Oracle', 'Relational_Databases_SQL_Server', 'Relational_Databases_PostgreSQL',
                    'Relational_Databases_MySQL', 'Relational_Databases_IBM_DB2', 'Big_Data_Analytics_Other', 'Big_Data_Analytics_MongoDB',
                    'Big_Data_Analytics_Cassandra', 'Big_Data_Analytics_SAP_HANA', 'Big_Data_Analytics_Spark', 'Big_Data_Analytics_Splunk',
                    'Big_Data_Analytics_ElasticSearch', 'Business_Applications_Other', 'Business_Applications_ERP_SAP', 'Business_Applications_CRM',
                    'Business_Applications_Exchange', 'Business_Applications_Sharepoint', 'Healthcare_Other', 'Healthcare_Epic',
                    'Healthcare_MEDITECH', 'Healthcare_Allscripts', 'Healthcare_Cerner', 'Virtualization_Other', 'Virtualization_Virtual_Servers_VSI',
                    'Virtualization_Containers_Kubernetes', 'Virtualization_Virtual_Desktops_VDI', 'Boot_Volume_Other', 'Other',
                ],
                'type': 'string',
            },
            'app_type_other': {'maxLength': 32, 'type': 'string'}, 'appliance_id': {'ref': 'appliance', 'type': 'string'},
            'description': {'maxLength': 128, 'type': 'string'}, 'host_group_id': {'ref': 'host_group', 'type': 'string'},
            'host_id': {'ref': 'host', 'type': 'string'}, 'logical_unit_number': {'maximum': 16383, 'minimum': 0, 'type': 'integer'},
            'min_size': {'maximum': 281474976710656, 'minimum': 1048576, 'type': 'integer'}, 'name': {'maxLength': 128, 'type': 'string'},
            'performance_policy_id': {'ref': 'policy', 'type': 'string'}, 'protection_policy_id': {'ref': 'policy', 'type': 'string'},
            'qos_performance_policy_id': {'ref': 'policy', 'type': 'string'}, 'sector_size': {'maximum': 4096, 'minimum': 512, 'type': 'integer'},
            'size': {'maximum': 281474976710656, 'minimum': 1048576, 'type': 'integer'}, 'volume_group_id': {'ref': 'volume_group', 'type': 'string'},
        },
        'required': ['name', 'size'],
    },
    'volume_delete': {'properties': {'immediate': {'type': 'boolean'}}},
    'volume_detach': {
        'properties': {
            'clear_host_agent_data': {'type': 'boolean'}, 'host_group_id': {'ref': 'host_group', 'type': 'string'},
            'host_id': {'ref': 'host', 'type': 'string'},
        },
    },
    'volume_end_metro': {'properties': {'delete_remote_volume': {'type': 'boolean'}, 'force': {'type': 'boolean'}}},
    'volume_group_add_members': {
        'properties': {'volume_ids': {'items': {'ref': 'volume', 'type': 'string'}, 'type': 'array'}}, 'required': ['volume_ids'],
    },
    'volume_group_clone': {
        'properties': {
            'description': {'type': 'string'}, 'is_replication_destination': {'type': 'boolean'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'protection_policy_id': {'ref': 'policy', 'type': 'string'},
            'qos_performance_policy_id': {'nullable': True, 'ref': 'policy', 'type': 'string'},
        },
        'required': ['name'],
    },
    'volume_group_configure_metro': {
        'properties': {
            'remote_appliance_id': {'ref': '#remote/appliance', 'type': 'string'}, 'remote_system_id': {'ref': 'remote_system', 'type': 'string'},
        },
        'required': ['remote_system_id'],
    },
    'volume_group_create': {
        'properties': {
            'description': {'maxLength': 256, 'type': 'string'}, 'is_write_order_consistent': {'type': 'boolean'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'protection_policy_id': {'ref': 'policy', 'type': 'string'},
            'qos_performance_policy_id': {'ref': 'policy', 'type': 'string'},
            'volume_ids': {'items': {'ref': 'volume', 'type': 'string'}, 'type': 'array'},
        },
        'required': ['name'],
    },
    'volume_group_delete': {'properties': {'delete_members': {'type': 'boolean'}, 'immediate': {'type': 'boolean'}}},
    'volume_group_end_metro': {'properties': {'delete_remote_volume_group': {'type': 'boolean'}, 'force': {'type': 'boolean'}}},
    'volume_group_instance': {
        'properties': {
            'creation_timestamp': {'type': 'string'},
            'current_remote_snapshot_sessions': {
                'items': {'def': 'remote_snapshot_session_instance', 'ref': 'remote_snapshot_session', 'type': 'object'}, 'type': 'array',
            },
            'description': {'type': 'string'}, 'id': {'type': 'string'}, 'is_host_access_available': {'type': 'boolean'},
            'is_importing': {'type': 'boolean'}, 'is_protectable': {'type': 'boolean'}, 'is_replication_destination': {'type': 'boolean'},
            'is_write_order_consistent': {'type': 'boolean'},
            'location_history': {'items': {'def': 'location_history_instance', 'type': 'object'}, 'type': 'array'},
            'metro_replication_session_id': {'type': 'string'},
            'migration_session': {'def': 'migration_session_instance', 'ref': 'migration_session', 'type': 'object'},
            'migration_session_id': {'type': 'string'}, 'name': {'type': 'string'},
            'placement_rule': {'enum': ['Same_Appliance', 'No_Preference'], 'type': 'string'},
            'protection_data': {'def': 'protection_data_instance', 'type': 'object'},
            'protection_policy': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'protection_policy_id': {'type': 'string'},
            'qos_performance_policy': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'qos_performance_policy_id': {'type': 'string'},
            'remote_snapshot_sessions': {
                'items': {'def': 'remote_snapshot_session_instance', 'ref': 'remote_snapshot_session', 'type': 'object'}, 'type': 'array',
            },
            'remote_snapshots': {'items': {'def': 'remote_snapshot_instance', 'ref': 'remote_snapshot', 'type': 'object'}, 'type': 'array'},
            'replication_sessions': {
                'items': {'def': 'replication_session_instance', 'ref': 'replication_session', 'type': 'object'}, 'type': 'array',
            },
            'type': {'enum': ['Primary', 'Clone', 'Snapshot', 'Proxy'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
            'volumes': {'items': {'def': 'volume_instance', 'ref': 'volume', 'type': 'object'}, 'type': 'array'},
        },
    },
    'volume_group_modify': {
        'properties': {
            'description': {'maxLength': 256, 'type': 'string'}, 'expiration_timestamp': {'nullable': True, 'type': 'string'},
            'force': {'type': 'boolean'}, 'is_replication_destination': {'type': 'boolean'}, 'is_secure': {'type': 'boolean'},
            'is_write_order_consistent': {'type': 'boolean'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'protection_policy_id': {'nullable': True, 'ref': 'policy', 'type': 'string'},
            'qos_performance_policy_id': {'nullable': True, 'ref': 'policy', 'type': 'string'},
        },
    },
    'volume_group_refresh': {
        'properties': {
            'backup_snap_profile': {'def': 'volume_group_snapshot', 'type': 'object'}, 'create_backup_snap': {'type': 'boolean'},
            'from_object_id': {'ref': 'volume_group', 'type': 'string'},
        },
        'required': ['from_object_id'],
    },
    'volume_group_remove_members': {
        'properties': {'volume_ids': {'items': {'ref': 'volume', 'type': 'string'}, 'type': 'array'}}, 'required': ['volume_ids'],
    },
    'volume_group_restore': {
        'properties': {
            'backup_snap_profile': {'def': 'volume_group_snapshot', 'type': 'object'}, 'create_backup_snap': {'type': 'boolean'},
            'from_snap_id': {'ref': 'volume_group', 'type': 'string'},
        },
        'required': ['from_snap_id'],
    },
    'volume_group_snapshot': {
        'properties': {
            'description': {'type': 'string'}, 'expiration_timestamp': {'type': 'string'}, 'is_secure': {'type': 'boolean'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
        },
        'required': ['name'],
    },
    'volume_instance': {
        'properties': {
            'app_type': {
                'enum': [
                    'Relational_Databases_Other', 'Relational_Databases_Oracle', 'Relational_Databases_SQL_Server', 'Relational_Databases_PostgreSQL',
                    'Relational_Databases_MySQL', 'Relational_Databases_IBM_DB2', 'Big_Data_Analytics_Other', 'Big_Data_Analytics_MongoDB',
                    'Big_Data_Analytics_Cassandra', 'Big_Data_Analytics_SAP_HANA', 'Big_Data_Analytics_Spark', 'Big_Data_Analytics_Splunk',
                    'Big_Data_Analytics_ElasticSearch', 'Business_Applications_Other', 'Business_Applications_ERP_SAP', 'Business_Applications_CRM',
                    'Business_Applications_Exchange', 'Business_Applications_Sharepoint', 'Healthcare_Other', 'Healthcare_Epic',
                    'Healthcare_MEDITECH', 'Healthcare_Allscripts', 'Healthcare_Cerner', 'Virtualization_Other', 'Virtualization_Virtual_Servers_VSI',
                    'Virtualization_Containers_Kubernetes', 'Virtualization_Virtual_Desktops_VDI', 'Boot_Volume_Other', 'Other',
                ],
                'type': 'string',
            },
            'app_type_l10n': {'type': 'string'}, 'app_type_other': {'maxLength': 32, 'type': 'string'},
            'appliance': {'def': 'appliance_instance', 'ref': 'appliance', 'type': 'object'}, 'appliance_id': {'type': 'string'},
            'creation_timestamp': {'type': 'string'},
            'current_remote_snapshot_sessions': {
                'items': {'def': 'remote_snapshot_session_instance', 'ref': 'remote_snapshot_session', 'type': 'object'}, 'type': 'array',
            },
            'datastores': {'items': {'def': 'datastore_instance', 'ref': 'datastore', 'type': 'object'}, 'type': 'array'},
            'description': {'maxLength': 128, 'type': 'string'}, 'id': {'type': 'string'}, 'is_host_access_available': {'type': 'boolean'},
            'is_replication_destination': {'type': 'boolean'},
            'location_history': {'items': {'def': 'location_history_instance', 'type': 'object'}, 'type': 'array'},
            'logical_used': {'maximum': 9223372036854775807, 'minimum': 0, 'type': 'integer'},
            'mapped_volumes': {'items': {'def': 'host_volume_mapping_instance', 'ref': 'host_volume_mapping', 'type': 'object'}, 'type': 'array'},
            'metro_replication_session_id': {'type': 'string'},
            'migration_session': {'def': 'migration_session_instance', 'ref': 'migration_session', 'type': 'object'},
            'migration_session_id': {'type': 'string'}, 'name': {'maxLength': 128, 'type': 'string'}, 'nguid': {'type': 'string'},
            'node_affinity': {
                'enum': ['System_Select_At_Attach', 'System_Selected_Node_A', 'System_Selected_Node_B', 'Preferred_Node_A', 'Preferred_Node_B'],
                'type': 'string',
            },
            'node_affinity_l10n': {'type': 'string'}, 'nsid': {'maximum': 2147483647, 'minimum': 0, 'type': 'integer'},
            'performance_policy_id': {'type': 'string'}, 'protection_data': {'def': 'protection_data_instance', 'type': 'object'},
            'protection_policy': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'protection_policy_id': {'type': 'string'},
            'qos_performance_policy': {'def': 'policy_instance', 'ref': 'policy', 'type': 'object'}, 'qos_performance_policy_id': {'type': 'string'},
            'remote_snapshot_sessions': {
                'items': {'def': 'remote_snapshot_session_instance', 'ref': 'remote_snapshot_session', 'type': 'object'}, 'type': 'array',
            },
            'remote_snapshots': {'items': {'def': 'remote_snapshot_instance', 'ref': 'remote_snapshot', 'type': 'object'}, 'type': 'array'},
            'replication_sessions': {
                'items': {'def': 'replication_session_instance', 'ref': 'replication_session', 'type': 'object'}, 'type': 'array',
            },
            'size': {'maximum': 281474976710656, 'minimum': 1048576, 'type': 'integer'},
            'state': {'enum': ['Ready', 'Initializing', 'Offline', 'Destroying'], 'type': 'string'}, 'state_l10n': {'type': 'string'},
            'type': {'enum': ['Primary', 'Clone', 'Snapshot', 'Proxy'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
            'volume_groups': {'items': {'def': 'volume_group_instance', 'ref': 'volume_group', 'type': 'object'}, 'type': 'array'},
            'wwn': {'type': 'string'},
        },
    },
    'volume_modify': {
        'properties': {
            'app_type': {
                'enum': [
                    'Relational_Databases_Other', 'Relational_Databases_Oracle', 'Relational_Databases_SQL_Server', 'Relational_Databases_PostgreSQL',
                    'Relational_Databases_MySQL', 'Relational_Databases_IBM_DB2', 'Big_Data_Analytics_Other', 'Big_Data_Analytics_MongoDB',
                    'Big_Data_Analytics_Cassandra', 'Big_Data_Analytics_SAP_HANA', 'Big_Data_Analytics_Spark', 'Big_Data_Analytics_Splunk',
                    'Big_Data_Analytics_ElasticSearch', 'Business_Applications_Other', 'Business_Applications_ERP_SAP', 'Business_Applications_CRM',
                    'Business_Applications_Exchange', 'Business_Applications_Sharepoint', 'Healthcare_Other', 'Healthcare_Epic',
                    'Healthcare_MEDITECH', 'Healthcare_Allscripts', 'Healthcare_Cerner', 'Virtualization_Other', 'Virtualization_Virtual_Servers_VSI',
                    'Virtualization_Containers_Kubernetes', 'Virtualization_Virtual_Desktops_VDI', 'Boot_Volume_Other', 'Other',
                ],
                'type': 'string',
            },
            'app_type_other': {'maxLength': 32, 'type': 'string'}, 'description': {'maxLength': 128, 'type': 'string'},
            'expiration_timestamp': {'nullable': True, 'type': 'string'}, 'force': {'type': 'boolean'},
            'is_replication_destination': {'type': 'boolean'}, 'is_secure': {'type': 'boolean'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'},
            'node_affinity': {
                'enum': ['System_Select_At_Attach', 'System_Selected_Node_A', 'System_Selected_Node_B', 'Preferred_Node_A', 'Preferred_Node_B'],
                'type': 'string',
            },
            'performance_policy_id': {'ref': 'policy', 'type': 'string'},
            'protection_policy_id': {'nullable': True, 'ref': 'policy', 'type': 'string'},
            'qos_performance_policy_id': {'nullable': True, 'ref': 'policy', 'type': 'string'},
            'size': {'maximum': 281474976710656, 'minimum': 1048576, 'type': 'integer'},
        },
    },
    'volume_refresh': {
        'properties': {
            'backup_snap_profile': {'def': 'volume_snapshot', 'type': 'object'}, 'create_backup_snap': {'type': 'boolean'},
            'from_object_id': {'ref': 'volume', 'type': 'string'},
        },
        'required': ['from_object_id'],
    },
    'volume_restore': {
        'properties': {
            'backup_snap_profile': {'def': 'volume_snapshot', 'type': 'object'}, 'create_backup_snap': {'type': 'boolean'},
            'from_snap_id': {'ref': 'volume', 'type': 'string'},
        },
        'required': ['from_snap_id'],
    },
    'volume_snapshot': {
        'properties': {
            'creator_type': {'enum': ['User', 'System', 'Scheduler', 'External'], 'type': 'string'},
            'description': {'maxLength': 128, 'type': 'string'}, 'expiration_timestamp': {'type': 'string'}, 'is_secure': {'type': 'boolean'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'performance_policy_id': {'ref': 'policy', 'type': 'string'},
        },
    },
    'vsphere_host_instance': {
        'properties': {
            'build': {'type': 'string'},
            'datastores': {'items': {'def': 'datastore_instance', 'ref': 'datastore', 'type': 'object'}, 'type': 'array'},
            'hosts': {'items': {'def': 'host_instance', 'ref': 'host', 'type': 'object'}, 'type': 'array'}, 'id': {'type': 'string'},
            'license_assignments': {
                'items': {'def': 'vsphere_host_license_assignment_instance', 'ref': 'vsphere_host_license_assignment', 'type': 'object'},
                'type': 'array',
            },
            'name': {'type': 'string'}, 'vcenter': {'def': 'vcenter_instance', 'ref': 'vcenter', 'type': 'object'}, 'vcenter_id': {'type': 'string'},
            'version': {'type': 'string'},
            'virtual_machines': {'items': {'def': 'virtual_machine_instance', 'ref': 'virtual_machine', 'type': 'object'}, 'type': 'array'},
            'vsphere_object_id': {'type': 'string'},
        },
    },
    'vsphere_host_license_assignment_instance': {
        'properties': {
            'edition_key': {'type': 'string'}, 'expiration_date': {'type': 'string'}, 'id': {'type': 'string'}, 'license_key': {'type': 'string'},
            'name': {'type': 'string'}, 'vsphere_host': {'def': 'vsphere_host_instance', 'ref': 'vsphere_host', 'type': 'object'},
            'vsphere_host_id': {'type': 'string'},
        },
    },
    'witness_connection_instance': {
        'properties': {
            'appliance_id': {'type': 'string'}, 'last_updated_timestamp': {'type': 'string'}, 'node_id': {'type': 'string'},
            'state': {'enum': ['OK', 'Disconnected', 'Initializing'], 'type': 'string'}, 'state_l10n': {'type': 'string'},
        },
    },
    'witness_create': {
        'properties': {
            'address': {'type': 'string'}, 'description': {'maxLength': 256, 'type': 'string'},
            'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}, 'token': {'type': 'string'},
        },
        'required': ['name', 'address', 'token'],
    },
    'witness_instance': {
        'properties': {
            'address': {'type': 'string'}, 'connections': {'items': {'def': 'witness_connection_instance', 'type': 'object'}, 'type': 'array'},
            'description': {'type': 'string'}, 'id': {'type': 'string'}, 'name': {'type': 'string'},
            'state': {'enum': ['OK', 'Partially_Connected', 'Disconnected', 'Deleting', 'Initializing'], 'type': 'string'},
            'state_l10n': {'type': 'string'}, 'uuid': {'type': 'string'},
        },
    },
    'witness_modify': {
        'properties': {'description': {'maxLength': 256, 'type': 'string'}, 'name': {'maxLength': 128, 'minLength': 1, 'type': 'string'}},
    },
    'x509_certificate_create': {
        'properties': {
            'certificate': {'type': 'string'}, 'is_current': {'type': 'boolean'}, 'passphrase': {'type': 'string'}, 'private_key': {'type': 'string'},
            'scope': {'type': 'string'},
            'service': {
                'enum': [
                    'CACPIV_HTTP', 'Import_HTTP', 'KMIP_HTTP', 'LDAP_HTTP', 'Management_HTTP', 'Remote_Backup_HTTP', 'Replication_HTTP',
                    'SecurID_HTTP', 'Syslog_HTTP', 'VASA_HTTP', 'VIM_HTTP', 'Witness_HTTP',
                ],
                'type': 'string',
            },
            'type': {'enum': ['Server', 'Client', 'CA_Client_Validation', 'CA_Server_Validation'], 'type': 'string'},
        },
        'required': ['type', 'service', 'certificate'],
    },
    'x509_certificate_csr': {
        'properties': {
            'common_name': {'maxLength': 64, 'minLength': 0, 'type': 'string'}, 'country': {'maxLength': 2, 'minLength': 2, 'type': 'string'},
            'dns_name': {'items': {'type': 'string'}, 'type': 'array'}, 'ip_addresses': {'items': {'type': 'string'}, 'type': 'array'},
            'key_length': {'maximum': 4096, 'minimum': 2048, 'type': 'integer'}, 'locality': {'maxLength': 128, 'minLength': 0, 'type': 'string'},
            'organization': {'maxLength': 64, 'minLength': 0, 'type': 'string'},
            'organizational_unit': {'maxLength': 64, 'minLength': 0, 'type': 'string'}, 'scope': {'type': 'string'},
            'service': {
                'enum': [
                    'CACPIV_HTTP', 'Import_HTTP', 'KMIP_HTTP', 'LDAP_HTTP', 'Management_HTTP', 'Remote_Backup_HTTP', 'Replication_HTTP',
                    'SecurID_HTTP', 'Syslog_HTTP', 'VASA_HTTP', 'VIM_HTTP', 'Witness_HTTP',
                ],
                'type': 'string',
            },
            'state': {'maxLength': 128, 'minLength': 0, 'type': 'string'},
            'type': {'enum': ['Server', 'Client', 'CA_Client_Validation', 'CA_Server_Validation'], 'type': 'string'},
        },
        'required': ['type', 'service', 'key_length'],
    },
    'x509_certificate_exchange': {
        'properties': {
            'address': {'type': 'string'}, 'password': {'type': 'string'}, 'port': {'maximum': 65535, 'minimum': 0, 'type': 'integer'},
            'service': {
                'enum': [
                    'CACPIV_HTTP', 'Import_HTTP', 'KMIP_HTTP', 'LDAP_HTTP', 'Management_HTTP', 'Remote_Backup_HTTP', 'Replication_HTTP',
                    'SecurID_HTTP', 'Syslog_HTTP', 'VASA_HTTP', 'VIM_HTTP', 'Witness_HTTP',
                ],
                'type': 'string',
            },
            'username': {'type': 'string'},
        },
        'required': ['service', 'address', 'port', 'username', 'password'],
    },
    'x509_certificate_instance': {
        'properties': {
            'id': {'type': 'string'}, 'is_current': {'type': 'boolean'}, 'is_valid': {'type': 'boolean'},
            'members': {'items': {'def': 'member_certificate_instance', 'type': 'object'}, 'type': 'array'}, 'scope': {'type': 'string'},
            'service': {
                'enum': [
                    'CACPIV_HTTP', 'Import_HTTP', 'KMIP_HTTP', 'LDAP_HTTP', 'Management_HTTP', 'Remote_Backup_HTTP', 'Replication_HTTP',
                    'SecurID_HTTP', 'Syslog_HTTP', 'VASA_HTTP', 'VIM_HTTP', 'Witness_HTTP',
                ],
                'type': 'string',
            },
            'service_l10n': {'type': 'string'},
            'type': {'enum': ['Server', 'Client', 'CA_Client_Validation', 'CA_Server_Validation'], 'type': 'string'}, 'type_l10n': {'type': 'string'},
        },
    },
    'x509_certificate_modify': {'properties': {'certificate': {'type': 'string'}, 'is_current': {'type': 'boolean'}}, 'required': ['is_current']},
    'x509_certificate_reset_certificates': {
        'properties': {
            'scope': {'type': 'string'},
            'service': {
                'enum': [
                    'CACPIV_HTTP', 'Import_HTTP', 'KMIP_HTTP', 'LDAP_HTTP', 'Management_HTTP', 'Remote_Backup_HTTP', 'Replication_HTTP',
                    'SecurID_HTTP', 'Syslog_HTTP', 'VASA_HTTP', 'VIM_HTTP', 'Witness_HTTP',
                ],
                'type': 'string',
            },
        },
        'required': ['service'],
    },
}
