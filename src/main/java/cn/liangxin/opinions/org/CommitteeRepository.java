package cn.liangxin.opinions.org;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommitteeRepository extends JpaRepository<Committee, String> {

}
